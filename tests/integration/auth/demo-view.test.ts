// AUTH_MODE=demo with the "Viewing as" switcher, against the real database: the switch route
// validates the BU against the data and sets the cookie; with that cookie, /api/overview and
// /api/keys answer only that BU's figures (counted by hand from the stored rows), through the
// same access layer and scoped queries as a real viewer; without it, the demo admin sees all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as switchView } from "@/app/auth/demo-view/route";
import { GET as keys } from "@/app/api/keys/route";
import { GET as overview } from "@/app/api/overview/route";
import { loadDemo } from "@/lib/demo/load";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { resetTables, testDb } from "../support/db";

process.env.AUTH_MODE = "demo";

const db = testDb();
const SITE = "http://127.0.0.1:3000";
let bu = "";
let other = "";

beforeAll(async () => {
  await resetTables(db);
  await loadDemo(db, { seed: 42, scale: "small", endDay: "2026-03-31" }, defaultPolicySettings);
  const bus = await db.$queryRawUnsafe<{ bu: string }[]>(
    `SELECT business_unit AS bu FROM kms_key_version WHERE valid_to = '9999-12-31' AND business_unit <> '' GROUP BY 1 ORDER BY count(*) DESC, 1`,
  );
  [bu, other] = [bus[0]!.bu, bus[1]!.bu];
});
afterAll(() => db.$disconnect());

const post = (body: unknown) =>
  switchView(new Request(`${SITE}/auth/demo-view`, { method: "POST", headers: { "content-type": "application/json", origin: SITE }, body: JSON.stringify(body) }));
const get = async (handler: typeof keys | typeof overview, path: string, cookie?: string) => {
  const response = await handler(new Request(`${SITE}${path}`, { headers: cookie ? { cookie } : {} }) as never);
  expect(response.status, path).toBe(200);
  return response.json();
};
const one = async <T>(sql: string, ...values: unknown[]) => (await db.$queryRawUnsafe<T[]>(sql, ...values))[0]!;

describe("demo view switcher", () => {
  it("sets an HttpOnly, SameSite=Lax cookie for a BU of the data, and clears it for the admin view", async () => {
    const response = await post({ businessUnit: bu });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ viewingAs: { role: "viewer", businessUnit: bu } });
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toContain(`kms_finops_demo_view=${encodeURIComponent(bu)}`);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    const back = await post({ businessUnit: null });
    expect(await back.json()).toEqual({ viewingAs: { role: "admin", businessUnit: null } });
    expect(back.headers.get("set-cookie")).toMatch(/^kms_finops_demo_view=; .*Max-Age=0/);
  });

  it("answers 400 naming businessUnit for a BU the demo organization does not have, and sets no cookie", async () => {
    const response = await post({ businessUnit: "no-such-bu" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^businessUnit: "no-such-bu" is not a business unit/);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a cross-site switch (CSRF rule)", async () => {
    const response = await switchView(
      new Request(`${SITE}/auth/demo-view`, { method: "POST", headers: { "content-type": "application/json", origin: "https://evil.example" }, body: JSON.stringify({ businessUnit: bu }) }),
    );
    expect(response.status).toBe(403);
  });

  it("with the cookie, /api/keys lists only that BU's keys: as many as stored", async () => {
    const cookie = (await post({ businessUnit: bu })).headers.get("set-cookie")!.split(";")[0]!;
    const mine = await get(keys, "/api/keys?pageSize=500", cookie);
    const all = await get(keys, "/api/keys?pageSize=500");
    const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM kms_key_version WHERE valid_to = '9999-12-31' AND business_unit = $1`, bu);
    expect(mine.total).toBe(n);
    expect(new Set(mine.items.map((k: { businessUnit: string }) => k.businessUnit))).toEqual(new Set([bu]));
    expect(all.total).toBeGreaterThan(n);
    // another BU is out of scope: 404, as for a real viewer
    const response = await keys(new Request(`${SITE}/api/keys?bu=${encodeURIComponent(other)}`, { headers: { cookie } }) as never);
    expect(response.status).toBe(404);
  });

  it("with the cookie, /api/overview holds only that BU's keys, resources and cost", async () => {
    const cookie = (await post({ businessUnit: bu })).headers.get("set-cookie")!.split(";")[0]!;
    const mine = await get(overview, "/api/overview", cookie);
    const all = await get(overview, "/api/overview");
    const counts = await one<{ cmk: number }>(
      `SELECT count(*) FILTER (WHERE key_manager = 'CUSTOMER')::int AS cmk FROM kms_key_version WHERE valid_to = '9999-12-31' AND business_unit = $1`,
      bu,
    );
    const { resources } = await one<{ resources: number }>(
      `SELECT resources FROM coverage_bu_daily WHERE business_unit = $1 AND day = (SELECT max(day) FROM coverage_bu_daily)`,
      bu,
    );
    const month = mine.tiles.cost.lastFullMonth.from as string;
    const { total } = await one<{ total: number }>(
      `SELECT sum(unblended_cost)::float8 AS total FROM kms_cost_daily WHERE business_unit = $1 AND day >= $2::date AND day < ($2::date + interval '1 month')`,
      bu,
      month,
    );
    expect(mine.tiles.keys.customerManaged).toBe(counts.cmk);
    expect(mine.tiles.coverage.resources).toBe(resources);
    expect(mine.tiles.cost.lastFullMonth.total).toBeCloseTo(total, 6);
    expect(new Set(mine.series.costByBuMonthly.map((r: { businessUnit: string }) => r.businessUnit))).toEqual(new Set([bu]));
    expect(all.tiles.keys.customerManaged).toBeGreaterThan(counts.cmk);
    expect(all.tiles.coverage.resources).toBeGreaterThan(resources);
  });
});
