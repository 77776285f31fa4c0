// GET /api/teams/scorecard on a hand-made estate (figures below computed by hand):
//   payments: 10 in-scope resources, 5 on a CMK, 5 on AWS managed keys (non-compliant):
//     coverage 50 %, to reach 90 % (9 of 10): 4 to move. Cost Nov 1 $1.00 + Nov 3 $0.50 + Nov 20
//     $2.00 (Nov $3.50; Nov 1–5 $1.50), Dec 1 $1.25 + Dec 5 $0.75 (month to date Dec 1–5 $2.00,
//     +33.3 % on Nov 1–5). Keys: one with PUBLIC_POLICY (critical) and MISSING_TAGS (low), one with
//     ROTATION_DISABLED (medium). MTTP: one key clean 3 days after creation, one still open: 3.0 days.
//   analytics: 4 resources, 3 on a CMK, 1 SSE_S3: 75 %, 1 to move (4 of 4 ≥ 3.6). Cost Dec 5 $9.00.
//   untagged: 3 resources, none on a CMK (0 %, the lowest), 2 non-compliant: never a team.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as scorecard } from "@/app/api/teams/scorecard/route";
import type { Principal } from "@/lib/auth/principal";
import { dayToDate } from "@/lib/domain/days";
import { recomputeCostMonthly } from "@/lib/rollups/costs";
import { recomputeCoverage } from "@/lib/rollups/coverage";
import { markFresh } from "@/lib/store/freshness";
import { resetTables, testDb } from "../support/db";
import { call } from "./call";

const db = testDb();
const A = "111111111111";
afterAll(() => db.$disconnect());

beforeAll(async () => {
  await resetTables(db);
  type Reason = "AWS_MANAGED_KEY" | "SSE_S3" | "UNENCRYPTED" | null;
  const resource = (name: string, businessUnit: string, encryptionClass: "CUSTOMER_KMS" | "AWS_MANAGED_KMS" | "SSE_S3" | "NONE", reason: Reason) => ({
    resourceArn: `arn:aws:s3:::${name}`, accountId: A, region: "us-east-1", service: "S3" as const, name, businessUnit, encryptionClass, sizeBytes: null,
    validFrom: dayToDate("2026-11-01"), contentHash: name, requiresCmk: reason !== null, nonCompliantReason: reason, nonCompliantSince: reason ? dayToDate("2026-11-01") : null,
  });
  await db.storageResourceVersion.createMany({
    data: [
      ...Array.from({ length: 5 }, (_, i) => resource(`p-cmk-${i}`, "payments", "CUSTOMER_KMS", null)),
      ...Array.from({ length: 5 }, (_, i) => resource(`p-aws-${i}`, "payments", "AWS_MANAGED_KMS", "AWS_MANAGED_KEY")),
      ...Array.from({ length: 3 }, (_, i) => resource(`a-cmk-${i}`, "analytics", "CUSTOMER_KMS", null)),
      resource("a-sse", "analytics", "SSE_S3", "SSE_S3"),
      resource("u-none-0", "", "NONE", "UNENCRYPTED"),
      resource("u-none-1", "", "NONE", "UNENCRYPTED"),
      resource("u-sse", "", "SSE_S3", null),
    ],
  });
  await recomputeCoverage(db, "2026-11-01", "2026-12-05");
  await markFresh(db, { source: "inventory", day: "2026-12-05", runId: null, scopes: [{ accountId: A, region: "us-east-1" }] });
  const cost = (day: string, businessUnit: string, category: "KEYS" | "REQUESTS", unblendedCost: number) => ({
    day: dayToDate(day), accountId: A, businessUnit, costCenter: "", usageType: `us-east-1-KMS-${category === "KEYS" ? "Keys" : "Requests"}`, region: "us-east-1", category, unblendedCost, usageQuantity: 1,
  });
  await db.kmsCostDaily.createMany({
    data: [
      cost("2026-11-01", "payments", "KEYS", 1),
      cost("2026-11-03", "payments", "REQUESTS", 0.5),
      cost("2026-11-20", "payments", "KEYS", 2),
      cost("2026-12-01", "payments", "KEYS", 1.25),
      cost("2026-12-05", "payments", "REQUESTS", 0.75),
      cost("2026-12-05", "analytics", "KEYS", 9),
    ],
  });
  await recomputeCostMonthly(db, "2026-11-01", "2026-12-31");
  const key = (id: string, businessUnit: string) => ({
    keyArn: `arn:aws:kms:us-east-1:${A}:key/${id}`, accountId: A, region: "us-east-1", keyId: id, validFrom: dayToDate("2026-11-01"), contentHash: id, keyManager: "CUSTOMER" as const,
    keyState: "Enabled", keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", origin: "AWS_KMS", multiRegion: false, creationDate: new Date("2026-11-20T10:00:00Z"), aliases: [], businessUnit,
  });
  await db.kmsKeyVersion.createMany({ data: [key("p1", "payments"), key("p2", "payments"), key("a1", "analytics")] });
  const finding = (id: string, code: string, severity: string) => ({ keyArn: `arn:aws:kms:us-east-1:${A}:key/${id}`, code, severity, firstSeen: dayToDate("2026-11-21") });
  await db.keyFinding.createMany({
    data: [finding("p1", "PUBLIC_POLICY", "critical"), finding("p1", "MISSING_TAGS", "low"), finding("p2", "ROTATION_DISABLED", "medium"), finding("a1", "BROAD_USAGE", "high")],
  });
  await db.keyProvisioning.createMany({
    data: [
      { keyArn: `arn:aws:kms:us-east-1:${A}:key/p1`, createdAt: new Date("2026-11-20T10:00:00Z"), compliantOn: dayToDate("2026-11-23") },
      { keyArn: `arn:aws:kms:us-east-1:${A}:key/p2`, createdAt: new Date("2026-11-25T10:00:00Z"), compliantOn: null },
    ],
  });
});

describe("GET /api/teams/scorecard", () => {
  it("opens on the business unit furthest from the coverage target, never (untagged)", async () => {
    const { status, body } = await call(scorecard, "/api/teams/scorecard");
    expect(status).toBe(200);
    expect([body.businessUnit, body.pickedBecause]).toEqual(["payments", "furthest from target"]);
    expect(body.teams).toEqual(["analytics", "payments"]);
    // The untagged resources: a follow-up list, with its counts.
    expect(body.untagged).toEqual({ resources: 3, nonCompliant: 2 });
  });

  it("holds the team's figures against their targets", async () => {
    const { body } = await call(scorecard, "/api/teams/scorecard?bu=payments");
    expect(body.pickedBecause).toBe("requested");
    // The asked team's page still lists every team and keeps the untagged follow-up under it.
    expect(body.teams).toEqual(["analytics", "payments"]);
    expect(body.untagged).toEqual({ resources: 3, nonCompliant: 2 });
    const card = body.scorecard;
    expect(card.coverage).toEqual({ resources: 10, cmkResources: 5, coverageByCountPct: 50, resourcesToMove: 4, status: "missed" });
    expect(card.nonCompliant).toEqual({ count: 5, status: "missed" });
    expect(card.cost.monthToDate).toEqual({ from: "2026-12-01", to: "2026-12-05", total: 2 });
    expect(card.cost.sameDaysMonthBefore).toEqual({ from: "2026-11-01", to: "2026-11-05", total: 1.5 });
    expect(card.cost.changePct).toBe(33.3);
    expect(card.cost.lastFullMonth).toEqual({ from: "2026-11-01", to: "2026-11-30", total: 3.5 });
    // Months without cost are no data, never $0.00; the running month is marked partial.
    expect(card.cost.trend.map((m: { month: string; total: number | null; partial: boolean }) => [m.month, m.total, m.partial])).toEqual([
      ["2026-07-01", null, false], ["2026-08-01", null, false], ["2026-09-01", null, false], ["2026-10-01", null, false],
      ["2026-11-01", 3.5, false], ["2026-12-01", 2, true],
    ]);
    expect(card.findings).toEqual({ bySeverity: { critical: 1, high: 0, medium: 1, low: 1 }, total: 3, status: "missed" });
    expect(card.mttp).toMatchObject({ keys: 2, provisioned: 1, open: 1, meanDays: 3, status: "met" });
  });

  it("gives the gap of a team closer to its target", async () => {
    const { body } = await call(scorecard, "/api/teams/scorecard?bu=analytics");
    expect(body.scorecard.coverage).toEqual({ resources: 4, cmkResources: 3, coverageByCountPct: 75, resourcesToMove: 1, status: "missed" });
    // No cost in the days of the month before and no cost in November: no data, not $0.00.
    expect(body.scorecard.cost.sameDaysMonthBefore.total).toBeNull();
    expect(body.scorecard.cost.lastFullMonth.total).toBeNull();
    expect(body.scorecard.cost.changePct).toBeNull();
    expect(body.scorecard.mttp).toMatchObject({ keys: 0, meanDays: null, status: "no data" });
  });

  it("opens on a scoped viewer's own business unit", async () => {
    const viewer: Principal = { kind: "token", id: "v", name: "analytics viewer", role: "viewer", businessUnits: ["analytics"] };
    const { body } = await call(scorecard, "/api/teams/scorecard", { principal: viewer });
    expect([body.businessUnit, body.pickedBecause, body.teams]).toEqual(["analytics", "your business unit", ["analytics"]]);
    expect(body.untagged).toBeNull();
  });

  it("answers 400 for (untagged) alone: it is not a team", async () => {
    const { status, body } = await call(scorecard, "/api/teams/scorecard?bu=(untagged)");
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/\(untagged\) is not a team/);
  });
});
