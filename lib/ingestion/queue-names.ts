// Queue names and send options shared by the job definitions, startRun, the CLI and the web
// app's enqueueRun (kept in lib so the web app can queue a run without importing jobs/).

export const INGEST_RUN_JOB = "ingest.run";
export const INGEST_UNIT_JOB = "ingest.unit";

export interface SendOptions {
  singletonKey?: string;
  expireInSeconds?: number;
  retryLimit?: number;
  /** pg-boss hands out higher priorities first (then oldest first). */
  priority?: number;
}

export type SendJob = (jobId: string, payload: unknown, options?: SendOptions) => Promise<string | null>;

/**
 * A unit can take long (GetKeyLastUsage allows 5 requests/s: 10,000 keys need ~35 min), so the
 * queue must not expire it; it is not retried by the queue because the unit records its own
 * failure (a retry would find the unit no longer QUEUED and skip anyway).
 */
export const UNIT_LEASE_SECONDS = 6 * 3600;

export const unitJobOptions = (runId: string, unitId: bigint | string, priority = 0): SendOptions => ({
  singletonKey: `${runId}:${unitId}`,
  expireInSeconds: UNIT_LEASE_SECONDS,
  retryLimit: 0,
  priority,
});

/**
 * A run job is sent once and never retried by the queue: pg-boss's default retries would turn
 * one request into up to three runs (a failed start is recorded as a FAILED run instead).
 */
export const runJobOptions: SendOptions = { retryLimit: 0 };

/** A worker beats on each unit it runs this often... */
export const HEARTBEAT_SECONDS = 30;
/** ...and a unit without a beat for this long lost its worker (6 missed beats: a GC pause or a slow database is not a death). */
export const STALE_UNIT_MS = 3 * 60_000;
