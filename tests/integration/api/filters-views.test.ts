// GET /api/filters (the global filter bar's values), GET/POST /api/views and DELETE
// /api/views/{id} (saved views), and GET /api/overview?bu= on a small hand-made inventory:
//   keys      k1 payments/prod (eu-west-1), k2 risk/dev (us-east-1, account 444455556666)
//   resources v1 EBS payments/prod on k1 (CMK), v2 EBS risk/prod unencrypted, v3 EBS untagged (no env)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as filters } from "@/app/api/filters/route";
import { GET as overview } from "@/app/api/overview/route";
import { GET as listViews, POST as postView } from "@/app/api/views/route";
import { DELETE as deleteView } from "@/app/api/views/[id]/route";
import type { Principal } from "@/lib/auth/principal";
import { recomputeRollups } from "@/lib/rollups";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, cmk, volume } from "../../fixtures/records";
import { resetTables, testDb } from "../support/db";
import { TEST_ADMIN, bearerFor, call, type Json } from "./call";
import { runWithPrincipal } from "@/lib/auth/context";

const db = testDb();
afterAll(() => db.$disconnect());

const DAY = "2026-03-31";
const OTHER_ACCOUNT = "444455556666";
const k1 = cmk("k1", { tags: { "business-unit": "payments", env: "prod" } });
const k2 = cmk("k2", { accountId: OTHER_ACCOUNT, region: "us-east-1", keyArn: `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:key/k2`, tags: { "business-unit": "risk", env: "dev" } });
const v1 = volume("v1", { keyArn: k1.keyArn, keyRef: k1.keyArn });
const v2 = volume("v2", { encryptionClass: "NONE", tags: { "business-unit": "risk", env: "prod" } });
const v3 = volume("v3", { encryptionClass: "NONE", tags: {} });

const viewer: Principal = { kind: "session", id: "u-risk", name: "risk viewer", role: "viewer", businessUnits: ["risk"] };
const alice: Principal = { kind: "session", id: "u-alice", name: "alice", role: "finops", businessUnits: null };
const bob: Principal = { kind: "session", id: "u-bob", name: "bob", role: "finops", businessUnits: null };

beforeAll(async () => {
  await resetTables(db);
  const snapshot = (accountId: string, region: string, keys: typeof k1[], resources: typeof v1[]) =>
    storeInventorySnapshot(db, { day: DAY, runId: null, snapshot: { accountId, region, keys, keyUsage: [], resources, warnings: [] }, settings: defaultPolicySettings });
  await snapshot(ACCOUNT, REGION, [k1], [v1, v2, v3]);
  await snapshot(OTHER_ACCOUNT, "us-east-1", [k2], []);
  await recomputeRollups(db, DAY, DAY);
});

describe("GET /api/filters", () => {
  it("lists the values of the current keys and resources, each once, sorted", async () => {
    const { status, body } = await call(filters, "/api/filters");
    expect(status).toBe(200);
    expect(body).toEqual({
      // v3 has no BU tag: the untagged BU, shown as everywhere.
      businessUnits: ["(untagged)", "payments", "risk"],
      accounts: [ACCOUNT, OTHER_ACCOUNT],
      regions: ["eu-west-1", "us-east-1"],
      // v3 has no env tag: not a value to pick.
      environments: ["dev", "prod"],
      // Only in-scope resources have a service; keys have none.
      services: ["EBS"],
    });
  });

  it("gives a viewer the values of their own business units only", async () => {
    const { body } = await call(filters, "/api/filters", { principal: viewer });
    // risk: k2 (444455556666, us-east-1, dev) and v2 (111122223333, eu-west-1, prod, EBS).
    expect(body).toEqual({ businessUnits: ["risk"], accounts: [ACCOUNT, OTHER_ACCOUNT], regions: ["eu-west-1", "us-east-1"], environments: ["dev", "prod"], services: ["EBS"] });
  });

  it("refuses a parameter: the values are not filtered", async () => {
    const { status, body } = await call(filters, "/api/filters?bu=risk");
    expect(status).toBe(400);
    expect(body.error.message).toBe("bu: is not a known parameter");
  });
});

describe("GET /api/overview?bu=", () => {
  it("limits every tile to the business unit", async () => {
    const all = (await call(overview, "/api/overview")).body;
    // Three volumes in scope, one on a CMK. Non-compliant: v2 only (prod requires a CMK; v3 has
    // no env or classification tag, so the policy does not require one).
    expect([all.tiles.coverage.resources, all.tiles.coverage.cmkResources, all.tiles.nonCompliant.total]).toEqual([3, 1, 1]);
    expect(all.tiles.keys.customerManaged).toBe(2);
    const payments = (await call(overview, "/api/overview?bu=payments")).body;
    expect([payments.tiles.coverage.resources, payments.tiles.coverage.cmkResources, payments.tiles.coverage.coverageByCountPct, payments.tiles.nonCompliant.total]).toEqual([1, 1, 100, 0]);
    expect(payments.tiles.keys.customerManaged).toBe(1);
    const untagged = (await call(overview, "/api/overview?bu=(untagged)")).body;
    expect([untagged.tiles.coverage.resources, untagged.tiles.nonCompliant.total, untagged.tiles.keys.customerManaged]).toEqual([1, 0, 0]);
  });

  it("narrows a viewer to their scope: another BU is 404, their own is what an admin gets", async () => {
    expect((await call(overview, "/api/overview?bu=payments", { principal: viewer })).status).toBe(404);
    const own = (await call(overview, "/api/overview?bu=risk", { principal: viewer })).body as Json;
    const admin = (await call(overview, "/api/overview?bu=risk")).body as Json;
    expect(own.tiles).toEqual(admin.tiles);
    expect([own.tiles.coverage.resources, own.tiles.nonCompliant.total]).toEqual([1, 1]);
  });
});

/**
 * A person across several requests: call() signs each request with a new API token (a new
 * identity each time), but saved views belong to one identity, so each person keeps one token.
 */
function person(principal: Principal) {
  let secret: Promise<string> | null = null;
  return async (handler: (r: Request, c: { params: Promise<Json> }) => Promise<Response>, method: string, path: string, body?: unknown, params: Record<string, string> = {}) => {
    secret ??= bearerFor(principal);
    const headers: Record<string, string> = { authorization: `Bearer ${await secret}`, ...(body === undefined ? {} : { "content-type": "application/json", origin: "http://x" }) };
    const request = new Request(`http://x${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const response = await runWithPrincipal(TEST_ADMIN, () => handler(request, { params: Promise.resolve(params) }));
    return { status: response.status, body: (await response.json()) as Json };
  };
}

describe("saved views", () => {
  it("saves, lists by name, refuses a duplicate name and deletes, per person", async () => {
    const asAlice = person(alice);
    const asBob = person(bob);
    const a = await asAlice(postView, "POST", "/api/views", { name: "Risk costs", url: "/costs?bu=risk&range=quarter" });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ name: "Risk costs", url: "/costs?bu=risk&range=quarter" });
    await asAlice(postView, "POST", "/api/views", { name: "  Keys  ", url: "/keys?env=prod" });
    const dup = await asAlice(postView, "POST", "/api/views", { name: "Risk costs", url: "/" });
    expect([dup.status, dup.body.error.message]).toEqual([409, 'name: you already have a view named "Risk costs"']);
    // Names are trimmed and sorted; bob has none and cannot delete alice's.
    expect((await asAlice(listViews, "GET", "/api/views")).body.map((v: Json) => [v.name, v.url])).toEqual([["Keys", "/keys?env=prod"], ["Risk costs", "/costs?bu=risk&range=quarter"]]);
    expect((await asBob(listViews, "GET", "/api/views")).body).toEqual([]);
    expect((await asBob(deleteView, "DELETE", `/api/views/${a.body.id}`, undefined, { id: a.body.id })).status).toBe(404);
    const gone = await asAlice(deleteView, "DELETE", `/api/views/${a.body.id}`, undefined, { id: a.body.id });
    expect(gone).toEqual({ status: 200, body: { id: a.body.id, deleted: true } });
    expect((await asAlice(listViews, "GET", "/api/views")).body.map((v: Json) => v.name)).toEqual(["Keys"]);
  });

  it("refuses a URL outside the dashboard and an empty name, naming the field", async () => {
    for (const url of ["https://evil.example/x", "//evil.example/x", "/api/keys", "/\\evil"]) {
      const { status, body } = await call(postView, "/api/views", { method: "POST", body: { name: "x", url }, principal: alice });
      expect([status, body.error.message], url).toEqual([400, "url: must be a dashboard path such as /costs?bu=Payments"]);
    }
    const empty = await call(postView, "/api/views", { method: "POST", body: { name: " ", url: "/" }, principal: alice });
    expect([empty.status, empty.body.error.message]).toEqual([400, "name: must not be empty"]);
  });
});
