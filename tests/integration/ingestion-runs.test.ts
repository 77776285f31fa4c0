import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { claimUnit, createRun, failAbandonedUnits, finishUnit, recordWarnings, settleRun } from "@/lib/store/ingestion-runs";
import { resetTables, testDb } from "./support/db";

const db = testDb();
afterAll(() => db.$disconnect());
beforeEach(() => resetTables(db));

const units = [
  { accountId: "111111111111", region: "us-east-1", kind: "inventory" as const },
  { accountId: "222222222222", region: "us-east-1", kind: "inventory" as const },
];

describe("ingestion run bookkeeping", () => {
  it("lets exactly one worker claim a unit", async () => {
    const run = await createRun(db, { trigger: "CLI", snapshotDay: "2026-03-01", scope: {}, units });
    const unitId = run.units[0]!.unitId;
    const claims = await Promise.all([claimUnit(db, unitId, "a"), claimUnit(db, unitId, "b"), claimUnit(db, unitId, "c")]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("settles PARTIAL when one unit failed, sums billed requests, keeps warnings", async () => {
    const run = await createRun(db, { trigger: "CLI", snapshotDay: "2026-03-01", scope: {}, units });
    const [a, b] = run.units;
    await claimUnit(db, a!.unitId, "w");
    await finishUnit(db, a!.unitId, { status: "SUCCEEDED", apiRequests: { "kms:ListKeys": 2, "kms:DescribeKey": 10, "s3:ListBuckets": 1 } });
    expect(await settleRun(db, run.runId)).toBeNull(); // b still queued
    await claimUnit(db, b!.unitId, "w");
    await recordWarnings(db, run.runId, [{ accountId: "222222222222", region: "us-east-1", source: "sts", code: "ASSUME_ROLE_FAILED", message: "AccessDenied" }]);
    await finishUnit(db, b!.unitId, { status: "FAILED", error: "AccessDenied", apiRequests: { "sts:AssumeRole": 1, "ce:GetCostAndUsage": 3 } });
    expect(await settleRun(db, run.runId)).toBe("PARTIAL");
    const stored = await db.ingestionRun.findUniqueOrThrow({ where: { id: run.runId }, include: { warnings: true } });
    expect([stored.kmsRequests, stored.costExplorerRequests, stored.otherRequests]).toEqual([12, 3, 2]);
    expect(stored.warnings.map((w) => w.code)).toEqual(["ASSUME_ROLE_FAILED"]);
  });

  it("settles FAILED when no unit succeeded and SUCCEEDED when all did", async () => {
    const failing = await createRun(db, { trigger: "CLI", snapshotDay: "2026-03-01", scope: {}, units: units.slice(0, 1) });
    await finishUnit(db, failing.units[0]!.unitId, { status: "FAILED" });
    expect(await settleRun(db, failing.runId)).toBe("FAILED");
    const fine = await createRun(db, { trigger: "UI", snapshotDay: "2026-03-02", scope: {}, units: units.slice(0, 1) });
    await finishUnit(db, fine.units[0]!.unitId, { status: "SUCCEEDED" });
    expect(await settleRun(db, fine.runId)).toBe("SUCCEEDED");
  });

  it("fails units whose worker died mid-unit and settles their run", async () => {
    const run = await createRun(db, { trigger: "CLI", snapshotDay: "2026-03-01", scope: {}, units });
    const [a, b] = run.units;
    await claimUnit(db, a!.unitId, "w1");
    await finishUnit(db, a!.unitId, { status: "SUCCEEDED" });
    await claimUnit(db, b!.unitId, "w2"); // w2 dies here
    const hourLater = new Date(Date.now() + 3_600_000);
    expect(await failAbandonedUnits(db, 2 * 3_600_000, hourLater)).toEqual([]); // still within the lease
    expect(await failAbandonedUnits(db, 30 * 60_000, hourLater)).toEqual([run.runId]);
    const unit = await db.ingestionUnit.findUniqueOrThrow({ where: { id: b!.unitId } });
    expect([unit.status, unit.error]).toEqual(["FAILED", "abandoned: worker w2 stopped before finishing the unit"]);
    expect((await db.ingestionRun.findUniqueOrThrow({ where: { id: run.runId } })).status).toBe("PARTIAL");
  });
});
