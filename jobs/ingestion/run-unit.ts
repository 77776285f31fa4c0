// Runs one queued unit end to end: claim it (once, whatever the queue does), ingest, record the
// outcome, and settle the run; the unit that settles the run recomputes the rollups, once.
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { toDay } from "@/lib/domain/days";
import { parseIngestionConfig, type IngestionConfig } from "@/lib/config/ingestion";
import { loadPolicySettings } from "@/lib/settings/load";
import { recomputeRollups } from "@/lib/rollups";
import { beatUnit, claimUnit, finishUnit, recordWarnings, settleRun, type FinishedStatus } from "@/lib/store/ingestion-runs";
import { errorMessage } from "@/jobs/collectors/common";
import type { SessionOptions } from "./aws-session";
import { ingestCostsUnit } from "./costs-unit";
import { ingestInventoryUnit } from "./inventory-unit";
import type { RunScope } from "./start-run";
import type { UnitResult } from "./unit-result";
import { HEARTBEAT_SECONDS } from "@/lib/ingestion/queue-names";

export interface RunUnitOptions {
  workerId: string;
  log?: Pick<Logger, "info" | "warn" | "error">;
  config?: IngestionConfig;
  sessionOptions?: SessionOptions;
  /** "Today" for the cost window (tests pin it). */
  today?: Date;
  /** Heartbeat interval (tests shorten it); default HEARTBEAT_SECONDS. */
  heartbeatMs?: number;
}

/**
 * `closedRun`: this unit is the one that settled the run and recomputed (or, for a failed run,
 * skipped) its rollups; its job asks for the alert evaluation, once per run.
 */
export type RunUnitOutcome = { skipped: true } | { skipped: false; status: FinishedStatus; runStatus: FinishedStatus | null; closedRun: boolean };

export async function runIngestionUnit(db: Db, ids: { runId: string; unitId: string }, options: RunUnitOptions): Promise<RunUnitOutcome> {
  const unitId = BigInt(ids.unitId);
  if (!(await claimUnit(db, unitId, options.workerId))) {
    options.log?.info({ unitId: ids.unitId }, "unit already claimed by another worker: skipped");
    return { skipped: true };
  }
  // While the unit runs, its row says this worker is alive (failAbandonedUnits reads it).
  const heartbeat = setInterval(() => {
    beatUnit(db, unitId).catch((error: unknown) => options.log?.warn({ unitId: ids.unitId, err: error }, "heartbeat failed"));
  }, options.heartbeatMs ?? HEARTBEAT_SECONDS * 1000);
  heartbeat.unref();
  try {
    return await runClaimedUnit(db, ids, unitId, options);
  } finally {
    clearInterval(heartbeat);
  }
}

async function runClaimedUnit(db: Db, ids: { runId: string; unitId: string }, unitId: bigint, options: RunUnitOptions): Promise<RunUnitOutcome> {
  const unit = await db.ingestionUnit.findUniqueOrThrow({ where: { id: unitId }, include: { run: true } });
  const scope = unit.run.scope as unknown as RunScope;
  let result: UnitResult;
  try {
    const config = options.config ?? env(parseIngestionConfig);
    const settings = await loadPolicySettings(db);
    if (unit.kind === "costs") {
      const costs = await ingestCostsUnit(db, { runId: ids.runId, today: options.today ?? new Date(), since: scope.since, config, settings, sessionOptions: options.sessionOptions });
      if (costs.window) await mergeScope(db, ids.runId, { costWindow: costs.window });
      result = costs;
    } else {
      const day = toDay(unit.run.snapshotDay);
      result = await ingestInventoryUnit(db, { runId: ids.runId, day, accountId: unit.accountId, region: unit.region, config, settings, sessionOptions: options.sessionOptions });
    }
  } catch (error) {
    // Configuration or database trouble outside the collectors: the unit still finishes.
    const message = `unit ${unit.accountId}/${unit.region} (${unit.kind}): ${errorMessage(error)}`;
    result = { status: "FAILED", keysCount: 0, resourcesCount: 0, apiRequests: {}, error: message, warnings: [{ accountId: unit.accountId, region: unit.region, source: "ingestion", code: "UNIT_FAILED", message }] };
  }
  await recordWarnings(db, ids.runId, result.warnings);
  await finishUnit(db, unitId, { status: result.status, keysCount: result.keysCount, resourcesCount: result.resourcesCount, apiRequests: result.apiRequests, error: result.error });
  options.log?.info({ account: unit.accountId, region: unit.region, kind: unit.kind, status: result.status, warnings: result.warnings.length }, "unit finished");

  const runStatus = await settleRun(db, ids.runId);
  const closedRun = runStatus ? await recomputeRollupsOnce(db, ids.runId, options.log) : false;
  return { skipped: false, status: result.status, runStatus, closedRun };
}

async function mergeScope(db: Db, runId: string, patch: Partial<RunScope>): Promise<boolean> {
  const n = await db.$executeRawUnsafe(`UPDATE ingestion_run SET scope = scope || $2::jsonb WHERE id = $1::uuid`, runId, JSON.stringify(patch));
  return n === 1;
}

/**
 * Several units may see the settled run (settleRun answers every late caller): the conditional
 * update on scope.rollups lets exactly one of them recompute.
 */
async function recomputeRollupsOnce(db: Db, runId: string, log?: RunUnitOptions["log"]): Promise<boolean> {
  const claimed = await db.$queryRawUnsafe<{ scope: RunScope; snapshot_day: Date; status: string }[]>(
    `UPDATE ingestion_run SET scope = scope || '{"rollups":"running"}'::jsonb
     WHERE id = $1::uuid AND finished_at IS NOT NULL AND NOT (scope ? 'rollups')
     RETURNING scope, snapshot_day, status::text AS status`,
    runId,
  );
  const run = claimed[0];
  if (!run) return false;
  if (run.status === "FAILED") {
    await mergeScope(db, runId, { rollups: "skipped: run failed" });
    return true;
  }
  const snapshotDay = toDay(run.snapshot_day);
  const window = run.scope.costWindow;
  const fromDay = window && window.start < snapshotDay ? window.start : snapshotDay;
  const started = Date.now();
  try {
    await recomputeRollups(db, fromDay, snapshotDay);
    await mergeScope(db, runId, { rollups: "done" });
    log?.info({ runId, fromDay, toDay: snapshotDay, ms: Date.now() - started }, "rollups recomputed");
  } catch (error) {
    await mergeScope(db, runId, { rollups: `failed: ${errorMessage(error)}` });
    log?.error({ runId, err: error }, "rollup recompute failed");
  }
  return true;
}
