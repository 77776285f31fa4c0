// The recompute settings saves ask for, as one row (settings_recompute) the Settings page polls.
// A save bumps requestedVersion and adds what it invalidated to `pending`; the worker's job
// (recompute.ts) recomputes, then records the version it covered. Saves made while a recompute
// is queued or running coalesce: the next job covers them all with the settings stored by then.
import type { Db } from "@/lib/db/client";
import type { DerivedData } from "./invalidation";

export type RecomputeState = "idle" | "queued" | "running" | "done" | "failed";

export interface RecomputeStatus {
  /** idle: no save has asked for a recompute yet. */
  state: RecomputeState;
  requestedAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Why the last recompute failed (its figures were kept). */
  error: string | null;
}

const IDLE: RecomputeStatus = { state: "idle", requestedAt: null, startedAt: null, finishedAt: null, error: null };

export async function readRecomputeStatus(db: Db): Promise<RecomputeStatus> {
  const row = await db.settingsRecompute.findUnique({ where: { id: 1 } });
  if (!row) return IDLE;
  return { state: row.state.toLowerCase() as RecomputeState, requestedAt: row.requestedAt, startedAt: row.startedAt, finishedAt: row.finishedAt, error: row.error };
}

/** How many finished recomputes the charts are told of: years of weekly saves. */
const RECOMPUTES_SHOWN = 500;

export interface FinishedRecompute {
  finishedAt: Date;
  /** What it rewrote: a chart is marked only by a recompute of what it shows. */
  recomputed: DerivedData[];
}

/** When each finished settings recompute committed and what it rewrote, newest first: the trend charts' markers. */
export async function recomputeHistory(db: Db): Promise<FinishedRecompute[]> {
  const rows = await db.settingsRecomputeLog.findMany({ orderBy: { finishedAt: "desc" }, take: RECOMPUTES_SHOWN, select: { finishedAt: true, recomputed: true } });
  return rows.map((r) => ({ finishedAt: r.finishedAt, recomputed: r.recomputed as DerivedData[] }));
}

/** Asks for a recompute of `derived` (in the transaction that stores the settings). */
export async function requestRecompute(db: Db, derived: readonly DerivedData[]): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO settings_recompute (id, state, requested_version, pending, requested_at) VALUES (1, 'QUEUED', 1, $1::text[], now())
     ON CONFLICT (id) DO UPDATE SET state = 'QUEUED', requested_version = settings_recompute.requested_version + 1,
       pending = ARRAY(SELECT DISTINCT unnest(settings_recompute.pending || EXCLUDED.pending) ORDER BY 1),
       requested_at = now(), started_at = NULL, finished_at = NULL, error = NULL`,
    derived,
  );
}

/**
 * A recompute that ended without covering `version` (failed, or never queued): FAILED with the
 * reason - unless a later save asked again, whose job is still to come. `version` null: the
 * failure came before the request was read.
 */
export async function recordRecomputeFailure(db: Db, version: number | null, error: string): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE settings_recompute SET finished_at = clock_timestamp(), error = $2,
       state = CASE WHEN $1::int IS NULL OR requested_version = $1::int THEN 'FAILED' ELSE 'QUEUED' END::"SettingsRecomputeState"
     WHERE id = 1`,
    version,
    error,
  );
}

/**
 * A request no job will serve: still QUEUED, or FAILED before any run started (its queueing
 * failed). A worker starting sends a job for it (a web process may stop between storing the
 * settings and queueing); one extra job finds nothing to do.
 */
export async function recomputeUnserved(db: Db): Promise<boolean> {
  const row = await db.settingsRecompute.findUnique({ where: { id: 1 } });
  return !!row && row.doneVersion < row.requestedVersion && (row.state === "QUEUED" || (row.state === "FAILED" && row.startedAt === null));
}
