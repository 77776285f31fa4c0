// What the web app checks before it queues a run (POST /api/runs): one run at a time, a rate
// limit, `since` inside Cost Explorer's history, accounts the dashboard knows. The web app has
// no AWS credentials: accounts are checked against the accounts stored by earlier runs and
// INGEST_ACCOUNTS; the worker checks again against the organization (start-run.ts).
import type { Db } from "@/lib/db/client";
import { toDay } from "@/lib/domain/days";
import { INGEST_RUN_JOB } from "./queue-names";

/** Runs a user may start per hour: each costs KMS and Cost Explorer requests. */
export const UI_RUNS_PER_HOUR = 6;

/**
 * Cost Explorer keeps the current month and the 13 months before it at daily granularity
 * (DOMAIN.md §2): the first day of the month 13 months back.
 */
export function earliestCostDay(today: Date): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 13, 1));
  return toDay(d);
}

export interface PendingRun {
  /** The run's id once a worker has started it; null while only its job is queued. */
  runId: string | null;
  status: string;
  requestedAt: string;
}

/** A run a worker has started and not yet settled (the schedule and the CLI wait for it). */
export async function runningRun(db: Db): Promise<{ id: string; startedAt: Date | null } | null> {
  return db.ingestionRun.findFirst({ where: { status: { in: ["QUEUED", "RUNNING"] } }, orderBy: { requestedAt: "desc" }, select: { id: true, startedAt: true } });
}

/** The run already running or queued (its job not yet picked up), if any. */
export async function pendingRun(db: Db): Promise<PendingRun | null> {
  const runs = await db.ingestionRun.findMany({ where: { status: { in: ["QUEUED", "RUNNING"] } }, orderBy: { requestedAt: "desc" }, take: 1 });
  if (runs[0]) return { runId: runs[0].id, status: runs[0].status, requestedAt: runs[0].requestedAt.toISOString() };
  const jobs = await queuedRunJobs(db);
  return jobs[0] ? { runId: null, status: "QUEUED", requestedAt: jobs[0].created_on.toISOString() } : null;
}

async function queuedRunJobs(db: Db): Promise<{ created_on: Date }[]> {
  // The queue's schema exists once pg-boss has started somewhere; before that nothing is queued.
  const exists = await db.$queryRawUnsafe<{ t: string | null }[]>(`SELECT to_regclass('pgboss.job')::text AS t`);
  if (!exists[0]?.t) return [];
  return db.$queryRawUnsafe<{ created_on: Date }[]>(
    `SELECT created_on FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active') ORDER BY created_on DESC LIMIT 1`,
    INGEST_RUN_JOB,
  );
}

/**
 * Seconds until another UI run may be asked for, or 0. Counts the runs users started in the
 * last hour (the run rows: a queued job becomes one, and pendingRun covers the queued one).
 */
export async function rateLimitRetryAfter(db: Db, now = new Date()): Promise<number> {
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const recent = await db.ingestionRun.findMany({ where: { trigger: "UI", requestedAt: { gt: hourAgo } }, orderBy: { requestedAt: "asc" }, select: { requestedAt: true } });
  if (recent.length < UI_RUNS_PER_HOUR) return 0;
  const oldest = recent[recent.length - UI_RUNS_PER_HOUR]!.requestedAt;
  return Math.max(1, Math.ceil((oldest.getTime() + 3_600_000 - now.getTime()) / 1000));
}

/** Requested account ids neither stored by an earlier run nor listed in INGEST_ACCOUNTS. */
export async function unknownAccounts(db: Db, requested: readonly string[], configured: readonly string[] | null): Promise<string[]> {
  const stored = await db.account.findMany({ where: { accountId: { in: [...requested] } }, select: { accountId: true } });
  const known = new Set([...stored.map((a) => a.accountId), ...(configured ?? [])]);
  return requested.filter((id) => !known.has(id));
}
