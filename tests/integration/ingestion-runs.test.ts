import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { beatUnit, claimUnit, createRun, failAbandonedUnits, finishUnit, recordWarnings, settleRun } from "@/lib/store/ingestion-runs";
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

  it("fails units whose worker stopped beating within minutes and says which worker, when", async () => {
    const run = await createRun(db, { trigger: "CLI", snapshotDay: "2026-03-01", scope: {}, units });
    const [a, b] = run.units;
    await claimUnit(db, a!.unitId, "w1");
    await finishUnit(db, a!.unitId, { status: "SUCCEEDED" });
    await claimUnit(db, b!.unitId, "host-b:4242");
    const lastBeat = new Date(Date.now() + 60_000);
    await beatUnit(db, b!.unitId, lastBeat); // then host-b dies
    const threeMin = 3 * 60_000;
    // Two minutes after its last beat the worker may just be slow: nothing happens.
    expect(await failAbandonedUnits(db, threeMin, new Date(lastBeat.getTime() + 2 * 60_000))).toEqual([]);
    expect((await db.ingestionRun.findUniqueOrThrow({ where: { id: run.runId } })).status).toBe("RUNNING");
    // Four minutes after it: failed, the run settled and its error names the worker.
    expect(await failAbandonedUnits(db, threeMin, new Date(lastBeat.getTime() + 4 * 60_000))).toEqual([run.runId]);
    const unit = await db.ingestionUnit.findUniqueOrThrow({ where: { id: b!.unitId } });
    const reason = `worker host-b:4242 stopped responding at ${lastBeat.toISOString()}`;
    expect(unit.status).toBe("FAILED");
    expect(unit.error).toBe(`${reason} (unit 222222222222/us-east-1 abandoned; earlier data of this scope kept)`);
    const settled = await db.ingestionRun.findUniqueOrThrow({ where: { id: run.runId } });
    expect([settled.status, settled.error]).toEqual(["PARTIAL", reason]);
    // A second pass finds nothing more to do.
    expect(await failAbandonedUnits(db, threeMin, new Date(lastBeat.getTime() + 10 * 60_000))).toEqual([]);
  });

  it("keeps a unit whose worker beats, however long it runs", async () => {
    const run = await createRun(db, { trigger: "CLI", snapshotDay: "2026-03-01", scope: {}, units: units.slice(0, 1) });
    const unitId = run.units[0]!.unitId;
    await claimUnit(db, unitId, "w");
    const inSixHours = new Date(Date.now() + 6 * 3_600_000);
    await beatUnit(db, unitId, new Date(inSixHours.getTime() - 30_000));
    expect(await failAbandonedUnits(db, 3 * 60_000, inSixHours)).toEqual([]);
    expect((await db.ingestionUnit.findUniqueOrThrow({ where: { id: unitId } })).status).toBe("RUNNING");
  });
});

describe("the ingest.run job", () => {
  it("skips a request while another run is running (one run at a time)", async () => {
    const { ingestRunJob } = await import("@/jobs/definitions/ingest-run");
    const running = await createRun(db, { trigger: "CLI", snapshotDay: "2026-03-01", scope: {}, units: units.slice(0, 1) });
    await claimUnit(db, running.units[0]!.unitId, "w");
    const warned: unknown[] = [];
    const log = { warn: (o: unknown) => warned.push(o), info: () => {}, error: () => {} };
    const sent: unknown[] = [];
    await ingestRunJob.handler({ trigger: "SCHEDULE" }, { db, log: log as never, workerId: "w", send: async (...args) => (sent.push(args), "job") });
    expect(await db.ingestionRun.count()).toBe(1);
    expect(sent).toEqual([]);
    expect(warned).toEqual([{ runningRunId: running.runId, trigger: "SCHEDULE" }]);
  });
});
