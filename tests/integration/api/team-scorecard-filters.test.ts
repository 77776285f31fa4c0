// GET /api/teams/scorecard under the global filter bar's account, region, environment and service
// (issue 19 item 2), on a hand-made estate; every figure below computed by hand (target 90 %):
//   payments  A us-east-1 prod S3:  p-cmk-1 (CMK), p-sse (SSE-S3, non-compliant)
//             A eu-west-1 dev  EBS: p-ebs (AWS managed key, non-compliant)
//             B us-east-1 prod S3:  p-cmk-2, p-cmk-3 (CMK), p-none (unencrypted, non-compliant)
//   analytics A us-east-1 prod S3:  a-cmk-1..3 (CMK)
//             B us-east-1 prod EBS: a-none (unencrypted), a-aws (AWS managed key), both non-compliant
//   untagged  A us-east-1 prod S3:  u-none (unencrypted, non-compliant)
//             B us-east-1 prod S3:  u-sse (SSE-S3, non-compliant), u-cmk (CMK)
//   Keys (customer managed): kPA payments A us-east-1 prod, PUBLIC_POLICY (critical), created Nov 20,
//     clean Nov 23 (3 days); kPB payments B us-east-1 prod, BROAD_USAGE (high) + MISSING_TAGS (low),
//     created Nov 25, clean Dec 2 (7 days); kAA analytics A, no finding.
//   Cost (latest day Dec 5): payments A us-east-1 Nov 2 $1.00, Dec 1 $2.00; A eu-west-1 Dec 2 $0.50;
//     B us-east-1 Nov 3 $4.00, Dec 3 $3.00; analytics B us-east-1 Dec 5 $9.00.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as scorecardApi } from "@/app/api/teams/scorecard/route";
import { GET as resourcesApi } from "@/app/api/resources/noncompliant/route";
import { dayToDate } from "@/lib/domain/days";
import { recomputeCostMonthly } from "@/lib/rollups/costs";
import { recomputeCoverage } from "@/lib/rollups/coverage";
import { markFresh } from "@/lib/store/freshness";
import { resetTables, testDb } from "../support/db";
import { call, type Json } from "./call";

const db = testDb();
const A = "111111111111";
const B = "222222222222";
afterAll(() => db.$disconnect());

type Where = { account: string; region: string; bu: string; env: string };
const PA = { account: A, region: "us-east-1", bu: "payments", env: "prod" };
const PD = { account: A, region: "eu-west-1", bu: "payments", env: "dev" };
const PB = { account: B, region: "us-east-1", bu: "payments", env: "prod" };
const AA = { account: A, region: "us-east-1", bu: "analytics", env: "prod" };
const AB = { account: B, region: "us-east-1", bu: "analytics", env: "prod" };
const UA = { account: A, region: "us-east-1", bu: "", env: "prod" };
const UB = { account: B, region: "us-east-1", bu: "", env: "prod" };

beforeAll(async () => {
  await resetTables(db);
  type Reason = "AWS_MANAGED_KEY" | "SSE_S3" | "UNENCRYPTED" | null;
  const resource = (name: string, at: Where, service: "S3" | "EBS", encryptionClass: "CUSTOMER_KMS" | "AWS_MANAGED_KMS" | "SSE_S3" | "NONE", reason: Reason) => ({
    resourceArn: service === "S3" ? `arn:aws:s3:::${name}` : `arn:aws:ec2:${at.region}:${at.account}:volume/${name}`, accountId: at.account, region: at.region, service, name, businessUnit: at.bu, environment: at.env, encryptionClass, sizeBytes: null,
    validFrom: dayToDate("2026-11-01"), contentHash: name, requiresCmk: reason !== null, nonCompliantReason: reason, nonCompliantSince: reason ? dayToDate("2026-11-01") : null,
  });
  await db.storageResourceVersion.createMany({
    data: [
      resource("p-cmk-1", PA, "S3", "CUSTOMER_KMS", null), resource("p-sse", PA, "S3", "SSE_S3", "SSE_S3"), resource("p-ebs", PD, "EBS", "AWS_MANAGED_KMS", "AWS_MANAGED_KEY"),
      resource("p-cmk-2", PB, "S3", "CUSTOMER_KMS", null), resource("p-cmk-3", PB, "S3", "CUSTOMER_KMS", null), resource("p-none", PB, "S3", "NONE", "UNENCRYPTED"),
      resource("a-cmk-1", AA, "S3", "CUSTOMER_KMS", null), resource("a-cmk-2", AA, "S3", "CUSTOMER_KMS", null), resource("a-cmk-3", AA, "S3", "CUSTOMER_KMS", null),
      resource("a-none", AB, "EBS", "NONE", "UNENCRYPTED"), resource("a-aws", AB, "EBS", "AWS_MANAGED_KMS", "AWS_MANAGED_KEY"),
      resource("u-none", UA, "S3", "NONE", "UNENCRYPTED"), resource("u-sse", UB, "S3", "SSE_S3", "SSE_S3"), resource("u-cmk", UB, "S3", "CUSTOMER_KMS", null),
    ],
  });
  await recomputeCoverage(db, "2026-11-01", "2026-12-05");
  await markFresh(db, { source: "inventory", day: "2026-12-05", runId: null, scopes: [{ accountId: A, region: "us-east-1" }] });

  const key = (id: string, at: Where) => ({
    keyArn: `arn:aws:kms:${at.region}:${at.account}:key/${id}`, accountId: at.account, region: at.region, keyId: id, validFrom: dayToDate("2026-11-01"), contentHash: id, keyManager: "CUSTOMER" as const,
    keyState: "Enabled", keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", origin: "AWS_KMS", multiRegion: false, creationDate: new Date("2026-11-20T10:00:00Z"), aliases: [], businessUnit: at.bu, environment: at.env,
  });
  const [kPA, kPB, kAA] = [key("kPA", PA), key("kPB", PB), key("kAA", AA)];
  await db.kmsKeyVersion.createMany({ data: [kPA, kPB, kAA] });
  const finding = (k: typeof kPA, code: string, severity: string) => ({ keyArn: k.keyArn, code, severity, firstSeen: dayToDate("2026-11-21") });
  await db.keyFinding.createMany({ data: [finding(kPA, "PUBLIC_POLICY", "critical"), finding(kPB, "BROAD_USAGE", "high"), finding(kPB, "MISSING_TAGS", "low")] });
  await db.keyProvisioning.createMany({
    data: [
      { keyArn: kPA.keyArn, createdAt: new Date("2026-11-20T10:00:00Z"), compliantOn: dayToDate("2026-11-23") },
      { keyArn: kPB.keyArn, createdAt: new Date("2026-11-25T10:00:00Z"), compliantOn: dayToDate("2026-12-02") },
    ],
  });

  const cost = (day: string, at: Where, category: "KEYS" | "REQUESTS", unblendedCost: number) => ({
    day: dayToDate(day), accountId: at.account, businessUnit: at.bu, costCenter: "", usageType: `${at.region}-KMS-${category === "KEYS" ? "Keys" : "Requests"}`, region: at.region, category, unblendedCost, usageQuantity: 1,
  });
  await db.kmsCostDaily.createMany({
    data: [cost("2026-11-02", PA, "KEYS", 1), cost("2026-12-01", PA, "KEYS", 2), cost("2026-12-02", PD, "REQUESTS", 0.5), cost("2026-11-03", PB, "KEYS", 4), cost("2026-12-03", PB, "KEYS", 3), cost("2026-12-05", AB, "KEYS", 9)],
  });
  await recomputeCostMonthly(db, "2026-11-01", "2026-12-31");
});

async function scorecardOf(query: string): Promise<Json> {
  const { status, body } = await call(scorecardApi, `/api/teams/scorecard${query}`);
  expect(status).toBe(200);
  return body;
}

describe("the team scorecard under the filter bar", () => {
  it("without a filter: payments 3 of 6 on a CMK, 3 non-compliant, furthest from target; nothing not applied", async () => {
    const body = await scorecardOf("");
    expect([body.businessUnit, body.pickedBecause, body.teams]).toEqual(["payments", "furthest from target", ["analytics", "payments"]]);
    // 90 % of 6 = 5.4 → 6 on a CMK: 3 to move.
    expect(body.scorecard.coverage).toEqual({ resources: 6, cmkResources: 3, coverageByCountPct: 50, resourcesToMove: 3, status: "missed" });
    expect(body.scorecard.nonCompliant.count).toBe(3);
    expect(body.untagged).toEqual({ resources: 3, nonCompliant: 2 });
    expect(body.filtersNotApplied).toEqual({});
  });

  it("account A: payments' coverage, non-compliant count and resources to move are A's alone", async () => {
    const body = await scorecardOf(`?bu=payments&account=${A}`);
    // p-cmk-1, p-sse, p-ebs: 1 of 3 (33.3 %), 2 non-compliant; 90 % of 3 = 2.7 → 3: 2 to move.
    expect(body.scorecard.coverage).toEqual({ resources: 3, cmkResources: 1, coverageByCountPct: 33.3, resourcesToMove: 2, status: "missed" });
    expect(body.scorecard.nonCompliant).toEqual({ count: 2, status: "missed" });
    // Without a team asked, the untagged counts are A's: u-none only.
    expect((await scorecardOf(`?account=${A}`)).untagged).toEqual({ resources: 1, nonCompliant: 1 });
    // The list the page links to counts the same 2.
    const list = await call(resourcesApi, `/api/resources/noncompliant?bu=payments&account=${A}`);
    expect(list.body.total).toBe(2);
  });

  it("account B: the team furthest from target within B is analytics, not payments", async () => {
    const body = await scorecardOf(`?account=${B}`);
    // analytics in B: 0 of 2 (0 %); payments in B: 2 of 3 (66.7 %).
    expect([body.businessUnit, body.pickedBecause, body.teams]).toEqual(["analytics", "furthest from target", ["analytics", "payments"]]);
    expect(body.scorecard.coverage).toEqual({ resources: 2, cmkResources: 0, coverageByCountPct: 0, resourcesToMove: 2, status: "missed" });
    expect(body.untagged).toEqual({ resources: 2, nonCompliant: 1 });
  });

  it("region eu-west-1 leaves one team; service EBS breaks the 0 % tie by resources to move", async () => {
    const west = await scorecardOf("?region=eu-west-1");
    expect([west.businessUnit, west.teams, west.untagged]).toEqual(["payments", ["payments"], null]);
    expect(west.scorecard.coverage).toEqual({ resources: 1, cmkResources: 0, coverageByCountPct: 0, resourcesToMove: 1, status: "missed" });
    // EBS: payments p-ebs (1 to move), analytics a-none + a-aws (2 to move), both 0 %.
    const ebs = await scorecardOf("?service=EBS");
    expect([ebs.businessUnit, ebs.scorecard.coverage.resourcesToMove, ebs.scorecard.nonCompliant.count]).toEqual(["analytics", 2, 2]);
  });

  it("cost follows account and region: payments month to date $5.50, $2.50 in A, $0.50 in eu-west-1", async () => {
    const all = (await scorecardOf("?bu=payments")).scorecard.cost;
    // Dec 1–5: 2 + 0.5 + 3; Nov 1–5: 1 + 4 (+10 %); November 5.
    expect([all.monthToDate.total, all.sameDaysMonthBefore.total, all.changePct, all.lastFullMonth.total]).toEqual([5.5, 5, 10, 5]);
    const inA = (await scorecardOf(`?bu=payments&account=${A}`)).scorecard.cost;
    // Dec 1–5: 2 + 0.5; Nov 1–5: 1 (+150 %).
    expect([inA.monthToDate.total, inA.sameDaysMonthBefore.total, inA.changePct, inA.lastFullMonth.total]).toEqual([2.5, 1, 150, 1]);
    expect(inA.trend.slice(-2).map((m: Json) => m.total)).toEqual([1, 2.5]);
    const west = (await scorecardOf("?bu=payments&region=eu-west-1")).scorecard.cost;
    // No November cost in eu-west-1: no data, not $0.00.
    expect([west.monthToDate.total, west.sameDaysMonthBefore.total, west.changePct, west.lastFullMonth.total]).toEqual([0.5, null, null, null]);
  });

  it("findings and MTTP follow account and environment", async () => {
    const inB = (await scorecardOf(`?bu=payments&account=${B}`)).scorecard;
    expect(inB.findings).toEqual({ bySeverity: { critical: 0, high: 1, medium: 0, low: 1 }, total: 2, status: "missed" });
    expect(inB.mttp).toMatchObject({ keys: 1, meanDays: 7, status: "met" });
    const all = (await scorecardOf("?bu=payments")).scorecard;
    expect(all.findings.total).toBe(3);
    expect(all.mttp).toMatchObject({ keys: 2, meanDays: 5 });
    // dev holds p-ebs but no key of payments.
    const dev = (await scorecardOf("?bu=payments&env=dev")).scorecard;
    expect([dev.coverage.resources, dev.nonCompliant.count, dev.findings.total, dev.mttp.keys]).toEqual([1, 1, 0, 0]);
  });

  it("names the filters a figure cannot follow, with the overview's reasons, and keeps that figure unfiltered", async () => {
    const body = await scorecardOf("?bu=payments&env=prod&service=S3");
    const filtersOf = (figure: string) => (body.filtersNotApplied[figure] ?? []).map((n: Json) => n.filter);
    expect(filtersOf("cost")).toEqual(["env", "service"]);
    expect([filtersOf("keys"), filtersOf("findings"), filtersOf("mttp")]).toEqual([["service"], ["service"], ["service"]]);
    expect(body.filtersNotApplied.coverage).toBeUndefined();
    expect(body.filtersNotApplied.cost[0].reason).toMatch(/cost rows carry no environment/);
    // Cost as without env and service ($5.50); coverage under both: prod S3 of payments is
    // p-cmk-1, p-sse, p-cmk-2, p-cmk-3, p-none: 3 of 5, 2 non-compliant.
    expect(body.scorecard.cost.monthToDate.total).toBe(5.5);
    expect([body.scorecard.coverage.resources, body.scorecard.coverage.cmkResources, body.scorecard.nonCompliant.count]).toEqual([5, 3, 2]);
    // Findings are not split by service: the same 3 as without it.
    expect(body.scorecard.findings.total).toBe(3);
  });

  it("refuses a malformed dimension as the overview does", async () => {
    const { status, body } = await call(scorecardApi, "/api/teams/scorecard?account=12");
    expect(status).toBe(400);
    expect(body.error.message).toBe("account.0: must be 12-digit account ids");
  });
});
