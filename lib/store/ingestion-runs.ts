import type { Db } from "@/lib/db/client";
import type { IngestionWarningRecord } from "@/lib/domain/records";
import { type Day } from "@/lib/domain/days";

// Bookkeeping of ingestion runs: a run fans out into units (one per account-region, plus the
// organization-wide cost unit); each unit is claimed by exactly one worker, finishes with its
// own status, and the last unit to finish settles the run's status.

export type UnitKind = "inventory" | "costs";
export type RunTrigger = "SCHEDULE" | "CLI" | "UI" | "DEMO";
export type FinishedStatus = "SUCCEEDED" | "PARTIAL" | "FAILED";

export interface UnitSpec {
  accountId: string;
  region: string;
  kind: UnitKind;
}

export interface CreatedRun {
  runId: string;
  units: (UnitSpec & { unitId: bigint })[];
}

/** Prisma's 5 s default failed the commit of 801 units (6.8 s) on a busy machine: the run never started. */
const CREATE_RUN_TRANSACTION = { timeout: 60_000, maxWait: 60_000 };

export async function createRun(db: Db, args: { trigger: RunTrigger; snapshotDay: Day; scope: object; units: UnitSpec[] }): Promise<CreatedRun> {
  return db.$transaction(async (tx) => {
    const run = await tx.ingestionRun.create({
      data: { trigger: args.trigger, snapshotDay: new Date(`${args.snapshotDay}T00:00:00Z`), scope: args.scope, unitsTotal: args.units.length, status: "RUNNING", startedAt: new Date() },
    });
    // One statement for all units: an organization has hundreds of account-regions, and one
    // insert each (801 for 200 accounts × 4 regions) outlasted the transaction's 5 s on a busy machine.
    const rows = await tx.ingestionUnit.createManyAndReturn({
      data: args.units.map((u) => ({ runId: run.id, accountId: u.accountId, region: u.region, kind: u.kind })),
      select: { id: true, accountId: true, region: true, kind: true },
    });
    const ids = new Map(rows.map((r) => [`${r.accountId}/${r.region}/${r.kind}`, r.id]));
    const units = args.units.map((u) => ({ ...u, unitId: ids.get(`${u.accountId}/${u.region}/${u.kind}`)! }));
    return { runId: run.id, units };
  }, CREATE_RUN_TRANSACTION);
}

/**
 * Marks a queued unit as running for this worker. False when another worker already has it:
 * the queue delivers a job once, but a retried or duplicated job must still run once.
 */
export async function claimUnit(db: Db, unitId: bigint, workerId: string): Promise<boolean> {
  const claimed = await db.ingestionUnit.updateMany({
    where: { id: unitId, status: "QUEUED" },
    data: { status: "RUNNING", startedAt: new Date(), heartbeatAt: new Date(), workerId },
  });
  return claimed.count === 1;
}

/** A worker's sign of life on a unit it is running (see failAbandonedUnits). */
export async function beatUnit(db: Db, unitId: bigint, now = new Date()): Promise<void> {
  await db.ingestionUnit.updateMany({ where: { id: unitId, status: "RUNNING" }, data: { heartbeatAt: now } });
}

export async function finishUnit(
  db: Db,
  unitId: bigint,
  result: { status: FinishedStatus; keysCount?: number; resourcesCount?: number; apiRequests?: Record<string, number>; error?: string | null },
): Promise<void> {
  await db.ingestionUnit.update({
    where: { id: unitId },
    data: {
      status: result.status,
      finishedAt: new Date(),
      keysCount: result.keysCount ?? 0,
      resourcesCount: result.resourcesCount ?? 0,
      apiRequests: result.apiRequests ?? {},
      error: result.error ?? null,
    },
  });
}

export async function recordWarnings(db: Db, runId: string, warnings: IngestionWarningRecord[]): Promise<void> {
  if (warnings.length === 0) return;
  await db.ingestionWarning.createMany({
    data: warnings.map((w) => ({ runId, accountId: w.accountId, region: w.region, source: w.source, code: w.code, message: w.message, resourceArn: w.resourceArn ?? null })),
  });
}

/**
 * How long each account-region's (and the cost unit's) latest finished unit took, in seconds,
 * keyed "accountId/region/kind": what the next run schedules by (start-run.ts).
 */
export async function previousUnitSeconds(db: Db): Promise<Map<string, number>> {
  const rows = await db.$queryRawUnsafe<{ account_id: string; region: string; kind: string; seconds: number }[]>(
    `SELECT DISTINCT ON (account_id, region, kind) account_id, region, kind, extract(epoch FROM finished_at - started_at)::float8 AS seconds
     FROM ingestion_unit WHERE status IN ('SUCCEEDED', 'PARTIAL') AND started_at IS NOT NULL AND finished_at IS NOT NULL
     ORDER BY account_id, region, kind, finished_at DESC`,
  );
  return new Map(rows.map((r) => [`${r.account_id}/${r.region}/${r.kind}`, r.seconds]));
}

/** Requests a unit made, by "service:Operation"; KMS and Cost Explorer calls are billed. */
function sumRequests(units: { apiRequests: unknown }[], service: string): number {
  let total = 0;
  for (const u of units) {
    for (const [op, n] of Object.entries((u.apiRequests ?? {}) as Record<string, number>)) {
      if (op.startsWith(`${service}:`)) total += n;
    }
  }
  return total;
}

/**
 * Settles the run once no unit is queued or running: SUCCEEDED when every unit succeeded,
 * FAILED when none produced data, PARTIAL otherwise. Returns the status, or null if units remain.
 */
export async function settleRun(db: Db, runId: string): Promise<FinishedStatus | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT 1 FROM ingestion_run WHERE id = $1::uuid FOR UPDATE`, runId);
    const units = await tx.ingestionUnit.findMany({ where: { runId }, select: { status: true, apiRequests: true } });
    if (units.some((u) => u.status === "QUEUED" || u.status === "RUNNING")) return null;
    const run = await tx.ingestionRun.findUniqueOrThrow({ where: { id: runId } });
    if (run.finishedAt) return run.status as FinishedStatus;
    const ok = units.filter((u) => u.status === "SUCCEEDED").length;
    const failed = units.filter((u) => u.status === "FAILED").length;
    const status: FinishedStatus = ok === units.length ? "SUCCEEDED" : failed === units.length ? "FAILED" : "PARTIAL";
    // The requests the run's start made (accounts, regions) count with the units' own.
    const counted = [...units, { apiRequests: (run.scope as { startRequests?: Record<string, number> } | null)?.startRequests }];
    const kms = sumRequests(counted, "kms");
    const ce = sumRequests(counted, "ce");
    const all = counted.reduce((n, u) => n + Object.values((u.apiRequests ?? {}) as Record<string, number>).reduce((a, b) => a + b, 0), 0);
    await tx.ingestionRun.update({
      where: { id: runId },
      data: { status, finishedAt: new Date(), kmsRequests: kms, costExplorerRequests: ce, otherRequests: all - kms - ce },
    });
    return status;
  });
}

/**
 * Units RUNNING whose worker has not beaten for `olderThanMs` (it died mid-unit: the queue does
 * not redeliver them, see unitJobOptions) are failed with that reason, and their runs settled
 * (the run's error says which worker stopped), so a run never stays RUNNING forever. The scope's
 * previous data is untouched: the unit's snapshot transaction never committed. A unit from
 * before heartbeats counts from its start.
 */
export async function failAbandonedUnits(db: Db, olderThanMs: number, now = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - olderThanMs);
  const abandoned = await db.ingestionUnit.findMany({
    where: { status: "RUNNING", OR: [{ heartbeatAt: { lt: cutoff } }, { heartbeatAt: null, startedAt: { lt: cutoff } }] },
    select: { id: true, runId: true, workerId: true, heartbeatAt: true, startedAt: true, accountId: true, region: true },
  });
  const reasons = new Map<string, string>();
  for (const unit of abandoned) {
    const lastSign = (unit.heartbeatAt ?? unit.startedAt ?? now).toISOString();
    const reason = `worker ${unit.workerId ?? "?"} stopped responding at ${lastSign}`;
    const n = await db.ingestionUnit.updateMany({
      where: { id: unit.id, status: "RUNNING" },
      data: { status: "FAILED", finishedAt: now, error: `${reason} (unit ${unit.accountId}/${unit.region} abandoned; earlier data of this scope kept)` },
    });
    if (n.count === 1 && !reasons.has(unit.runId)) reasons.set(unit.runId, reason);
  }
  for (const [runId, reason] of reasons) {
    await settleRun(db, runId);
    await db.ingestionRun.updateMany({ where: { id: runId, error: null }, data: { error: reason } });
  }
  return [...reasons.keys()];
}
