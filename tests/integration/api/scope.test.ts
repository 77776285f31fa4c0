// A viewer scoped to business units reads, from every endpoint, exactly what an admin reads with
// ?bu=<those BUs>; another BU's key is 404 like an unknown one; the chargeback CSV holds only
// their rows. Figures are also checked by hand against the stored rows.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as coverage } from "@/app/api/coverage/route";
import { coverageOf } from "@/components/overview/overview-figures";
import { GET as byBu } from "@/app/api/costs/by-bu/route";
import { GET as chargeback } from "@/app/api/costs/chargeback/route";
import { GET as modeled } from "@/app/api/costs/modeled/route";
import { GET as exportChargeback } from "@/app/api/export/chargeback/route";
import { GET as findings } from "@/app/api/findings/route";
import { GET as keyDetail } from "@/app/api/keys/[arn]/route";
import { GET as keys } from "@/app/api/keys/route";
import { GET as mttp } from "@/app/api/mttp/route";
import { GET as noncompliant } from "@/app/api/noncompliant/route";
import { GET as overview } from "@/app/api/overview/route";
import { GET as resources } from "@/app/api/resources/noncompliant/route";
import { GET as inScope } from "@/app/api/resources/route";
import { GET as bucketKeys } from "@/app/api/savings/bucket-keys/route";
import { GET as idleKeys } from "@/app/api/savings/idle-keys/route";
import type { Principal } from "@/lib/auth/principal";
import { loadDemo } from "@/lib/demo/load";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { resetTables, testDb } from "../support/db";
import { bearerFor, call, type Json } from "./call";

const db = testDb();
const END = "2026-03-31";
let scope: string[] = [];
let other = "";
let viewer: Principal;
const finops: Principal = { kind: "session", id: "f", name: "f", role: "finops", businessUnits: null };

beforeAll(async () => {
  await resetTables(db);
  await loadDemo(db, { seed: 42, scale: "small", endDay: END }, defaultPolicySettings);
  const bus = await db.$queryRawUnsafe<{ bu: string }[]>(
    `SELECT business_unit AS bu FROM kms_key_version WHERE valid_to = '9999-12-31' AND business_unit <> '' GROUP BY 1 ORDER BY count(*) DESC`,
  );
  expect(bus.length).toBeGreaterThanOrEqual(3);
  scope = [bus[0]!.bu, bus[1]!.bu];
  other = bus[2]!.bu;
  viewer = { kind: "session", id: "v", name: "v", role: "viewer", businessUnits: scope };
});
afterAll(() => db.$disconnect());

const one = async <T>(sql: string, ...values: unknown[]) => (await db.$queryRawUnsafe<T[]>(sql, ...values))[0]!;
const buParam = () => scope.map(encodeURIComponent).join(",");
const asViewer = (handler: Parameters<typeof call>[0], path: string) => call(handler, path, { principal: viewer });
const asAdminFiltered = (handler: Parameters<typeof call>[0], path: string) => call(handler, `${path}${path.includes("?") ? "&" : "?"}bu=${buParam()}`);

describe("a BU-scoped viewer", () => {
  it("gets, from every BU-filterable endpoint, what an admin gets for ?bu=<their BUs>", async () => {
    const endpoints: [Parameters<typeof call>[0], string][] = [
      [keys, "/api/keys?pageSize=500"],
      [findings, "/api/findings?pageSize=500"],
      [resources, "/api/resources/noncompliant?pageSize=500"],
      [inScope, "/api/resources?pageSize=500"],
      [coverage, "/api/coverage"],
      [noncompliant, "/api/noncompliant"],
      [byBu, "/api/costs/by-bu?granularity=month"],
      [modeled, "/api/costs/modeled?pageSize=500"],
      [mttp, "/api/mttp"],
      [bucketKeys, "/api/savings/bucket-keys?pageSize=500"],
      [idleKeys, "/api/savings/idle-keys?pageSize=500"],
    ];
    for (const [handler, path] of endpoints) {
      const mine = await asViewer(handler, path);
      const admin = await asAdminFiltered(handler, path);
      const all = await call(handler, path);
      expect(mine.status, path).toBe(200);
      expect(mine.body, path).toEqual(admin.body);
      expect(mine.body, `${path} differs from the unscoped answer`).not.toEqual(all.body);
      // finops is not scoped
      expect((await call(handler, path, { principal: finops })).body, path).toEqual(all.body);
    }
  });

  it("lists only their BUs, and counts them as the stored rows do", async () => {
    const list = await asViewer(keys, "/api/keys?pageSize=500");
    const { n } = await one<{ n: number }>(`SELECT count(*)::int AS n FROM kms_key_version WHERE valid_to = '9999-12-31' AND business_unit = ANY($1::text[])`, scope);
    expect(list.body.total).toBe(n);
    expect(new Set(list.body.items.map((k: Json) => k.businessUnit))).toEqual(new Set(scope));
    const f = await asViewer(findings, "/api/findings?pageSize=500");
    expect(f.body.items.every((i: Json) => scope.includes(i.businessUnit))).toBe(true);
    const r = await asViewer(resources, "/api/resources/noncompliant?pageSize=500");
    expect(r.body.items.length).toBeGreaterThan(0);
    expect(r.body.items.every((i: Json) => scope.includes(i.businessUnit))).toBe(true);
  });

  it("asking for another BU only is 404; asking for one of theirs and another keeps theirs", async () => {
    expect((await asViewer(keys, `/api/keys?bu=${encodeURIComponent(other)}`)).status).toBe(404);
    const mixed = await asViewer(keys, `/api/keys?pageSize=500&bu=${encodeURIComponent(scope[0]!)},${encodeURIComponent(other)}`);
    expect(mixed.status).toBe(200);
    expect(new Set(mixed.body.items.map((k: Json) => k.businessUnit))).toEqual(new Set([scope[0]]));
  });

  it("gets another BU's key as 404 not_found, its own key in full", async () => {
    const { arn: foreign } = await one<{ arn: string }>(`SELECT key_arn AS arn FROM kms_key_version WHERE valid_to = '9999-12-31' AND business_unit = $1 LIMIT 1`, other);
    const deniedCall = await call(keyDetail, `/api/keys/x`, { params: { arn: encodeURIComponent(foreign) }, principal: viewer });
    expect(deniedCall.status).toBe(404);
    expect(deniedCall.body.error.code).toBe("not_found");
    const unknown = await call(keyDetail, `/api/keys/x`, { params: { arn: encodeURIComponent(foreign.replace(/key\/.*/, "key/00000000-0000-0000-0000-000000000000")) }, principal: viewer });
    expect(unknown.status).toBe(404);
    expect(Object.keys(deniedCall.body.error)).toEqual(Object.keys(unknown.body.error));
    const { arn: own } = await one<{ arn: string }>(`SELECT key_arn AS arn FROM kms_key_version WHERE valid_to = '9999-12-31' AND business_unit = $1 LIMIT 1`, scope[0]);
    const mine = await call(keyDetail, `/api/keys/x`, { params: { arn: encodeURIComponent(own) }, principal: viewer });
    expect(mine.status).toBe(200);
    expect(mine.body.resources.every((r: Json) => scope.includes(r.businessUnit))).toBe(true);
    expect((await call(keyDetail, `/api/keys/x`, { params: { arn: encodeURIComponent(foreign) } })).status).toBe(200);
  });

  it("sees an overview of their BUs only: key counts and cost computed by hand", async () => {
    const mine = (await asViewer(overview, "/api/overview")).body;
    const all = (await call(overview, "/api/overview")).body;
    const keyCounts = await one<{ cmk: number; aws: number }>(
      `SELECT count(*) FILTER (WHERE key_manager = 'CUSTOMER')::int AS cmk, count(*) FILTER (WHERE key_manager = 'AWS')::int AS aws
       FROM kms_key_version WHERE valid_to = '9999-12-31' AND business_unit = ANY($1::text[])`,
      scope,
    );
    expect(mine.tiles.keys.customerManaged).toBe(keyCounts.cmk);
    expect(mine.tiles.keys.awsManaged).toBe(keyCounts.aws);
    expect(all.tiles.keys.customerManaged).toBeGreaterThan(keyCounts.cmk);
    const month = mine.tiles.cost.lastFullMonth.from as string;
    const { total } = await one<{ total: number }>(
      `SELECT sum(unblended_cost)::float8 AS total FROM kms_cost_daily WHERE business_unit = ANY($1::text[]) AND day >= $2::date AND day < ($2::date + interval '1 month')`,
      scope,
      month,
    );
    expect(mine.tiles.cost.lastFullMonth.total).toBeCloseTo(total, 6);
    expect(all.tiles.cost.lastFullMonth.total).toBeGreaterThan(total);
    expect(new Set(mine.series.costByBuMonthly.map((r: Json) => r.businessUnit))).toEqual(new Set(scope));
    // and the cached admin overview is not what the viewer got (the cache is per scope)
    expect((await call(overview, "/api/overview")).body).toEqual(all);
    expect((await asViewer(overview, "/api/overview")).body).toEqual(mine);
  });

  it("sees a home page of their BUs only: the tiles and per-BU table the page shows from the API", async () => {
    const api = (await asViewer(overview, "/api/overview")).body;
    const whole = (await call(overview, "/api/overview")).body;
    const page = coverageOf(api.tiles)!;
    const { resources } = await one<{ resources: number }>(
      `SELECT sum(resources)::int AS resources FROM coverage_bu_daily WHERE day = (SELECT max(day) FROM coverage_bu_daily) AND business_unit = ANY($1::text[])`,
      scope,
    );
    expect(page.organization.resources).toBe(resources);
    expect(new Set(page.byBusinessUnit.map((r) => r.businessUnit))).toEqual(new Set(scope));
    expect(coverageOf(whole.tiles)!.organization.resources).toBeGreaterThan(resources);
  });

  it("gets chargeback rows of their BUs only, with the same figures as the admin's", async () => {
    for (const allocation of ["direct", "proportional"]) {
      const mine = await asViewer(chargeback, `/api/costs/chargeback?allocation=${allocation}`);
      const all = await call(chargeback, `/api/costs/chargeback?allocation=${allocation}`);
      expect(mine.body.rows.length).toBeGreaterThan(0);
      expect(mine.body.rows).toEqual(all.body.rows.filter((r: Json) => scope.includes(r.x_BusinessUnit)));
    }
  });

  it("exports a chargeback CSV with only their BUs' rows", async () => {
    const csv = async (principal: Principal | null, query: string) => {
      // The access layer authenticates the request itself: the viewer sends its bearer token.
      const headers: Record<string, string> = principal ? { authorization: `Bearer ${await bearerFor(principal)}` } : {};
      const response = await exportChargeback(new NextRequest(new URL(`/api/export/chargeback?${query}`, "http://127.0.0.1"), { headers }));
      return (await response.text()).trim().split("\n");
    };
    for (const allocation of ["direct", "proportional"]) {
      const [header, ...rows] = await csv(viewer, `allocation=${allocation}`);
      const [, ...allRows] = await csv(null, `allocation=${allocation}`);
      const buColumn = header!.split(",").indexOf("x_BusinessUnit");
      const buOf = (line: string) => line.split(",")[buColumn]!;
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map(buOf))).toEqual(new Set(scope));
      expect(rows).toEqual(allRows.filter((line) => scope.includes(buOf(line))));
    }
  });
});
