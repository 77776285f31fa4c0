// Answers served from the per-generation cache (GET /api/overview here) carry an ETag of the data
// generation, the query and the viewer: asked again with If-None-Match they answer 304 without a
// body until the data changes, and one viewer's tag never validates another's view.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as overview } from "@/app/api/overview/route";
import { runWithPrincipal } from "@/lib/auth/context";
import type { Principal } from "@/lib/auth/principal";
import { recomputeRollups } from "@/lib/rollups";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, cmk, volume } from "../../fixtures/records";
import { resetTables, testDb } from "../support/db";
import { bearerFor, TEST_ADMIN } from "./call";

const db = testDb();
const key = cmk("k1", { aliases: ["alias/payments"] });
const teams = ["payments", "search", "retail"];
// One volume per team on k1 and an unencrypted one each: three BUs to scope viewers to.
const resources = teams.flatMap((bu) => [volume(`v-${bu}`, { keyArn: key.keyArn, keyRef: key.keyArn, tags: { "business-unit": bu } }), volume(`n-${bu}`, { encryptionClass: "NONE", tags: { "business-unit": bu } })]);

async function store(day: string, list = resources) {
  await storeInventorySnapshot(db, { day, runId: null, settings: defaultPolicySettings, snapshot: { accountId: ACCOUNT, region: REGION, keys: [key], keyUsage: [], resources: list, warnings: [] } });
  await recomputeRollups(db, "2026-03-01", day);
}

beforeAll(async () => {
  await resetTables(db);
  await store("2026-03-01");
});
afterAll(() => db.$disconnect());

const viewer = (id: string, businessUnits: string[]): Principal => ({ kind: "token", id, name: id, role: "viewer", businessUnits });

// One API token per viewer, made once: the token is who the access layer says is asking.
const tokens = new Map<string, Promise<string>>();
const tokenOf = (p: Principal) => tokens.get(p.id) ?? tokens.set(p.id, bearerFor(p)).get(p.id)!;

/** GET /api/overview as `principal` with these request headers; the raw response. */
async function get(headers: Record<string, string> = {}, principal: Principal = TEST_ADMIN): Promise<Response> {
  const all = { ...headers };
  if (principal !== TEST_ADMIN) all.authorization = `Bearer ${await tokenOf(principal)}`;
  const request = new Request("http://x/api/overview", { headers: all });
  return runWithPrincipal(principal, () => overview(request, { params: Promise.resolve({}) }));
}

describe("ETag and If-None-Match", () => {
  it("answers 304 with no body for the current tag, private to the viewer and revalidated each time", async () => {
    const first = await get();
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect(first.headers.get("vary")).toBe("Authorization, Cookie");
    const body = await first.json();
    expect(body.tiles.keys.customerManaged).toBe(1);

    const again = await get({ "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    // A list holding it, and its weak form, validate too; another tag does not.
    expect((await get({ "if-none-match": `"other", W/${etag}` })).status).toBe(304);
    expect((await get({ "if-none-match": '"other"' })).status).toBe(200);
  });

  it("gives each viewer and each scope its own tag: another's tag is answered in full", async () => {
    const admin = (await get()).headers.get("etag")!;
    const payments = await get({}, viewer("alice", ["payments"]));
    const paymentsToo = await get({}, viewer("bob", ["payments"]));
    const search = await get({}, viewer("carol", ["search"]));
    const tags = [admin, payments.headers.get("etag"), paymentsToo.headers.get("etag"), search.headers.get("etag")];
    expect(new Set(tags).size).toBe(4);
    // Scoped to one BU: one encrypted volume of the two resources.
    expect((await payments.json()).tiles.coverage.resources).toBe(2);
    const withAdminTag = await get({ "if-none-match": admin }, viewer("alice", ["payments"]));
    expect(withAdminTag.status).toBe(200);
    expect((await withAdminTag.json()).tiles.coverage.resources).toBe(2);
    expect((await get({ "if-none-match": payments.headers.get("etag")! }, viewer("carol", ["search"]))).status).toBe(200);
    expect((await get({ "if-none-match": payments.headers.get("etag")! }, viewer("alice", ["payments"]))).status).toBe(304);
  });

  it("moves to a new tag when the data changes: the old tag gets the new figures", async () => {
    const before = await get();
    const etag = before.headers.get("etag")!;
    expect((await before.json()).tiles.coverage.resources).toBe(6);
    await store("2026-03-02", [...resources, volume("v-new", { keyArn: key.keyArn, keyRef: key.keyArn, tags: { "business-unit": "payments" } })]);
    const after = await get({ "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect((await after.json()).tiles.coverage.resources).toBe(7);
  });
});
