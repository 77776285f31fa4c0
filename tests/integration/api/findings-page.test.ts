// GET /api/findings and /api/findings/summary (the Findings page, issue 19 item 5) on a small
// hand-made inventory over two days. Findings, worked out by hand from DOMAIN.md §6.3:
//   k1 payments, rotation off since day 1          ROTATION_DISABLED        medium  since 03-01
//   k2 payments, kms:Decrypt to "*" from day 2     PUBLIC_POLICY            critical since 03-02
//                                                  BROAD_USAGE              high    since 03-02
//   k3 retail, other account, no owner/cost-center MISSING_TAGS             low     since 03-01
//   k4 retail, 4 applications on it (threshold 3)  SHARED_MASTER_KEY        medium
// Totals: 5; critical 1, high 1, medium 2, low 1; payments 3, retail 2; 111122223333 4, 444455556666 1.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as findingsApi } from "@/app/api/findings/route";
import { GET as summaryApi } from "@/app/api/findings/summary/route";
import type { Principal } from "@/lib/auth/principal";
import { recomputeRollups } from "@/lib/rollups";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, cmk, volume } from "../../fixtures/records";
import { resetTables, testDb } from "../support/db";
import { call, type Json } from "./call";

const OTHER_ACCOUNT = "444455556666";
const db = testDb();
afterAll(() => db.$disconnect());

const openStatement = { Sid: "Open", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" };
const arn = (id: string, account = ACCOUNT) => `arn:aws:kms:${REGION}:${account}:key/${id}`;

function keysOn(day: string) {
  const k2 = cmk("k2");
  return [
    cmk("k1", { rotationEnabled: false }),
    // The public statement arrives on the second day: its findings are "since" that day.
    day === "2026-03-02" ? { ...k2, policy: { ...(k2.policy as object), Statement: [...(k2.policy as { Statement: unknown[] }).Statement, openStatement] } } : k2,
    cmk("k4", { tags: { owner: "o", "cost-center": "c", "business-unit": "retail" } }),
  ];
}
const shared = ["billing", "checkout", "ledger", "search"].map((app) =>
  volume(`v-${app}`, { keyArn: arn("k4"), keyRef: arn("k4"), tags: { "business-unit": "retail", env: "prod", app } }),
);

beforeAll(async () => {
  await resetTables(db);
  for (const day of ["2026-03-01", "2026-03-02"]) {
    const base = { settings: defaultPolicySettings };
    await storeInventorySnapshot(db, { day, runId: null, ...base, snapshot: { accountId: ACCOUNT, region: REGION, keys: keysOn(day), keyUsage: [], resources: shared, warnings: [] } });
    // Its own account's root in its policy: the fixture's default names the first account, which here would be BROAD_USAGE.
    const rootOnly = { Version: "2012-10-17", Statement: [{ Sid: "root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, Action: "kms:*", Resource: "*" }] };
    const k3 = cmk("k3", { keyArn: arn("k3", OTHER_ACCOUNT), accountId: OTHER_ACCOUNT, tags: { "business-unit": "retail" }, policy: rootOnly });
    await storeInventorySnapshot(db, { day, runId: null, ...base, snapshot: { accountId: OTHER_ACCOUNT, region: REGION, keys: [k3], keyUsage: [], resources: [], warnings: [] } });
  }
  await recomputeRollups(db, "2026-03-01", "2026-03-02");
});

const codes = (body: Json) => body.items.map((f: Json) => `${f.keyArn.split("/")[1]} ${f.code}`);

describe("GET /api/findings", () => {
  it("lists every finding worst first, with since from the history, the evidence in words and the fix", async () => {
    const { status, body } = await call(findingsApi, "/api/findings");
    expect(status).toBe(200);
    expect(body.total).toBe(5);
    expect(codes(body)).toEqual(["k2 PUBLIC_POLICY", "k2 BROAD_USAGE", "k1 ROTATION_DISABLED", "k4 SHARED_MASTER_KEY", "k3 MISSING_TAGS"]);
    const byCode = Object.fromEntries(body.items.map((f: Json) => [f.code, f]));
    expect(byCode.ROTATION_DISABLED.firstSeen).toBe("2026-03-01");
    expect(byCode.PUBLIC_POLICY.firstSeen).toBe("2026-03-02");
    expect(byCode.MISSING_TAGS).toMatchObject({ accountId: OTHER_ACCOUNT, businessUnit: "retail", evidenceText: "Missing required tags: owner, cost-center", fix: "Add the missing tags to the key (TagResource)." });
    expect(byCode.SHARED_MASTER_KEY.evidenceText).toBe("Used by 4 applications, threshold 3 (billing, checkout, ledger, search); 4 resources");
    // The principal and the statement behind the policy finding: the policy's second (#2), its Sid
    // and body (as stored: jsonb orders an object's keys by length, then alphabetically).
    expect(byCode.PUBLIC_POLICY.evidenceText).toBe(
      'Principal *: Allow to "*" without a restricting condition; statement #2 (Sid Open) {"Sid":"Open","Action":"kms:Decrypt","Effect":"Allow","Resource":"*","Principal":"*"}',
    );
  });

  it("filters by severity, business unit, account and key, and sorts by since", async () => {
    expect((await call(findingsApi, "/api/findings?severity=critical,high")).body.total).toBe(2);
    expect(codes((await call(findingsApi, "/api/findings?bu=retail")).body)).toEqual(["k4 SHARED_MASTER_KEY", "k3 MISSING_TAGS"]);
    expect(codes((await call(findingsApi, `/api/findings?account=${OTHER_ACCOUNT}`)).body)).toEqual(["k3 MISSING_TAGS"]);
    expect(codes((await call(findingsApi, "/api/findings?search=alias/prod-app-k4")).body)).toEqual(["k4 SHARED_MASTER_KEY"]);
    // Newest first: the two day-2 findings (ties worst first), then the day-1 ones.
    const since = (await call(findingsApi, "/api/findings?sort=-since")).body;
    expect(codes(since).slice(0, 2)).toEqual(["k2 PUBLIC_POLICY", "k2 BROAD_USAGE"]);
  });

  it("refuses a sort it does not know, naming the parameter", async () => {
    const { status, body } = await call(findingsApi, "/api/findings?sort=alias");
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^sort: must be one of severity, code, since, bu, account/);
  });
});

describe("GET /api/findings/summary", () => {
  it("counts per severity, code, business unit and account", async () => {
    const { status, body } = await call(summaryApi, "/api/findings/summary");
    expect(status).toBe(200);
    expect(body.total).toBe(5);
    expect(body.bySeverity).toEqual({ critical: 1, high: 1, medium: 2, low: 1 });
    expect(body.byBusinessUnit.map((b: Json) => [b.businessUnit, b.findings])).toEqual([["payments", 3], ["retail", 2]]);
    expect(body.byBusinessUnit[0].bySeverity).toEqual({ critical: 1, high: 1, medium: 1, low: 0 });
    expect(body.byAccount.map((a: Json) => [a.accountId, a.findings])).toEqual([[ACCOUNT, 4], [OTHER_ACCOUNT, 1]]);
    expect(body.byCode.find((c: Json) => c.code === "PUBLIC_POLICY")).toMatchObject({ severity: "critical", findings: 1 });
  });

  it("answers each count as the list's total with that filter added", async () => {
    const { body } = await call(summaryApi, "/api/findings/summary?bu=retail");
    expect(body.bySeverity).toEqual({ critical: 0, high: 0, medium: 1, low: 1 });
    for (const [severity, n] of Object.entries(body.bySeverity)) {
      expect((await call(findingsApi, `/api/findings?bu=retail&severity=${severity}`)).body.total).toBe(n);
    }
  });

  it("shows a viewer only the findings of their business units", async () => {
    const viewer: Principal = { kind: "session", id: "v", name: "v", role: "viewer", businessUnits: ["retail"] };
    const { body } = await call(summaryApi, "/api/findings/summary", { principal: viewer });
    expect(body.total).toBe(2);
    expect(body.byBusinessUnit.map((b: Json) => b.businessUnit)).toEqual(["retail"]);
  });

  it("refuses a severity it does not know, naming the parameter", async () => {
    const { status, body } = await call(summaryApi, "/api/findings/summary?severity=urgent");
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^severity/);
  });
});
