// What a settings save invalidated, recomputed off the request path by the worker's
// rollups.recompute job: the settings-derived columns of every version, history included, then
// every rollup over the whole history (a KPI never mixes two policies over time). All of it in
// ONE transaction: the dashboard keeps serving the previous figures until it commits, and a
// failure leaves them as they were. Its data generation is drawn at commit, not per statement
// (withDeferredDataGeneration), so those figures are served from the per-generation caches
// meanwhile instead of being recomputed on every request while the recompute loads the machine.
import type { Db } from "@/lib/db/client";
import { withDeferredDataGeneration } from "@/lib/db/generation";
import { inOneTransaction } from "@/lib/db/one-transaction";
import { toDay, type Day } from "@/lib/domain/days";
import { recomputeRollups } from "@/lib/rollups";
import { recomputeBucketKeySavings } from "@/lib/rollups/bucket-key-savings";
import { recomputeAllCostMonths } from "@/lib/rollups/costs";
import { recomputeKeyFindings } from "@/lib/rollups/findings";
import { recomputeKeyProvisioning } from "@/lib/rollups/provisioning";
import { historyRange } from "@/lib/store/freshness";
import { recomputeKeyDerived, recomputeResourceDerived } from "@/lib/store/recompute-derived";
import type { DerivedData } from "./invalidation";
import { loadPolicySettings } from "./load";
import type { PolicySettings } from "./policy";
import { recordRecomputeFailure } from "./recompute-status";

/** A large estate's history rewrite takes minutes on 2 cores (recompute-estimate.ts). */
const RECOMPUTE_TIMEOUT_MS = 2 * 3600_000;

/**
 * The days the rollups cover: historyRange (ingested snapshots) or, for a history written
 * directly without freshness rows (the demo), its first version to its newest stored day.
 */
async function rollupRange(db: Db): Promise<{ fromDay: Day; toDay: Day } | null> {
  const range = await historyRange(db);
  if (range) return range;
  const rows = await db.$queryRawUnsafe<{ first: Date | null; last: Date | null }[]>(
    `SELECT (SELECT min(valid_from) FROM storage_resource_version) AS first,
            greatest((SELECT max(valid_from) FROM storage_resource_version), (SELECT max(day) FROM kms_cost_daily),
                     (SELECT max(day) FROM coverage_bu_daily)) AS last`,
  );
  const { first, last } = rows[0] ?? { first: null, last: null };
  return first && last ? { fromDay: toDay(first), toDay: toDay(last) } : null;
}

/** Told how long each step of a recompute took (the job logs it; the benchmark reads the log). */
export type OnRecomputeStep = (step: string, ms: number) => void;

async function rebuildKeyRollups(db: Db, settings: PolicySettings, step: Step): Promise<void> {
  await step("key findings", () => recomputeKeyFindings(db, settings));
  await step("key provisioning", () => recomputeKeyProvisioning(db, settings));
}

type Step = <T>(name: string, work: () => Promise<T>) => Promise<T>;

function stepTimer(onStep: OnRecomputeStep | undefined): Step {
  return async (name, work) => {
    const started = performance.now();
    const result = await work();
    onStep?.(name, Math.round(performance.now() - started));
    return result;
  };
}

/** Rebuilds the stored data `derived` names (settingsAffecting) for these settings. */
export async function recomputeDerived(db: Db, settings: PolicySettings, derived: readonly DerivedData[], onStep?: OnRecomputeStep): Promise<void> {
  const step = stepTimer(onStep);
  let rolledUp = false;
  if (derived.includes("resourceDims") || derived.includes("compliance")) {
    await step("resource versions", () => recomputeResourceDerived(db, settings));
    await step("key versions", () => recomputeKeyDerived(db, settings));
    const range = await rollupRange(db);
    // recomputeRollups also rebuilds findings, provisioning and the Bucket Key savings (they read the stored settings).
    if (range) await step("rollups", () => recomputeRollups(db, range.fromDay, range.toDay));
    else await rebuildKeyRollups(db, settings, step);
    rolledUp = range !== null;
  } else if (derived.includes("keyFindings")) {
    await rebuildKeyRollups(db, settings, step);
  }
  // The monthly cost rollup holds each month's chosen source.
  if (derived.includes("costs")) await step("cost months", () => recomputeAllCostMonths(db));
  // The stored Bucket Key savings; idle-key savings and costModel are computed when read.
  if (derived.includes("savings") && !rolledUp) await step("bucket key savings", () => recomputeBucketKeySavings(db));
}

export type RecomputeOutcome = "done" | "nothing to do";

/**
 * The job's work: recomputes what the saves since the last recompute invalidated, with the
 * settings stored now, and records the request it covered. Throws (after recording the failure)
 * when the recompute fails; its transaction is rolled back, the previous figures stay.
 */
export async function recomputeForSettings(db: Db, onStep?: OnRecomputeStep): Promise<RecomputeOutcome> {
  let version: number | null = null;
  try {
    return await inOneTransaction(
      db,
      async (tx) => {
        // One recompute at a time, whichever worker runs it: a second job waits here and then
        // finds the request already covered.
        await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('kms-finops:settings-recompute'))`);
        // The request before the settings: a save landing in between is recomputed once more by
        // its own job (its version is then newer than the one recorded here), never missed.
        const request = await tx.settingsRecompute.findUnique({ where: { id: 1 } });
        if (!request || request.doneVersion >= request.requestedVersion) return "nothing to do";
        version = request.requestedVersion;
        // Through db, not tx: the page shows "running" now, not when the transaction commits.
        await db.settingsRecompute.update({ where: { id: 1 }, data: { state: "RUNNING", startedAt: new Date() } });
        const covered = version;
        await withDeferredDataGeneration(tx, async () => {
          await recomputeDerived(tx, await loadPolicySettings(tx), request.pending as DerivedData[], onStep);
          // Re-read at commit time: a save made meanwhile keeps its request (and what it
          // invalidated) pending for the job it queued. clock_timestamp: now() is the start.
          await tx.$executeRawUnsafe(
            `UPDATE settings_recompute SET done_version = $1, finished_at = clock_timestamp(), error = NULL,
               state = CASE WHEN requested_version = $1 THEN 'DONE' ELSE 'QUEUED' END::"SettingsRecomputeState",
               pending = CASE WHEN requested_version = $1 THEN '{}' ELSE pending END
             WHERE id = 1`,
            covered,
          );
          // The charts' markers: every recompute that rewrote history, kept past the next one,
          // at the time the status row says.
          await tx.$executeRawUnsafe(
            `INSERT INTO settings_recompute_log (finished_at, version, recomputed) SELECT finished_at, $1, $2::text[] FROM settings_recompute WHERE id = 1`,
            covered,
            request.pending,
          );
        });
        return "done";
      },
      { timeoutMs: RECOMPUTE_TIMEOUT_MS },
    );
  } catch (error) {
    await recordRecomputeFailure(db, version, (error as Error).message);
    throw error;
  }
}
