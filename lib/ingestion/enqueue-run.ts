// What the web app does to start an ingestion run: check the request against the admission rules
// (run-admission.ts) and queue one `ingest.run` job. The worker resolves accounts and regions with
// the AWS credentials and records the run (jobs/ingestion/start-run.ts); nothing here needs AWS
// code, so the web app never imports jobs/.
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { parseIngestionConfig } from "@/lib/config/ingestion";
import { toDay } from "@/lib/domain/days";
import { enqueue } from "./queue-client";
import { INGEST_RUN_JOB, runJobOptions } from "./queue-names";
import { earliestCostDay, pendingRun, rateLimitRetryAfter, UI_RUNS_PER_HOUR, unknownAccounts, type PendingRun } from "./run-admission";
import { runRequestSchema, type RunBody, type RunRequest } from "./run-request";

export type EnqueueOutcome =
  | { queued: true; jobId: string | null; request: RunRequest }
  /** The body names a day or an account the run cannot take. */
  | { queued: false; refusal: "invalid"; message: string }
  /** One run at a time: the one already queued or running. */
  | { queued: false; refusal: "pending"; message: string; run: PendingRun }
  | { queued: false; refusal: "rate-limited"; message: string; retryAfterSeconds: number };

/** Queues a run a user asked for (trigger "UI"), or says why not. */
export async function enqueueRun(db: Db, body: RunBody, now = new Date()): Promise<EnqueueOutcome> {
  const earliest = earliestCostDay(now);
  const today = toDay(now);
  if (body.since && (body.since < earliest || body.since > today)) {
    return { queued: false, refusal: "invalid", message: `since: must be a day from ${earliest} (Cost Explorer keeps the current month and the 13 before it) to ${today}` };
  }
  if (body.accounts?.length) {
    const unknown = await unknownAccounts(db, body.accounts, configuredAccounts());
    if (unknown.length) {
      return { queued: false, refusal: "invalid", message: `accounts: ${unknown.join(", ")} ${unknown.length > 1 ? "are" : "is"} not in INGEST_ACCOUNTS or the organization's accounts known from earlier runs` };
    }
  }
  const pending = await pendingRun(db);
  if (pending) {
    const what = pending.runId ? `run ${pending.runId} is ${pending.status}` : "a run is queued";
    return { queued: false, refusal: "pending", message: `${what} (requested ${pending.requestedAt}): one run at a time`, run: pending };
  }
  const retryAfterSeconds = await rateLimitRetryAfter(db, now);
  if (retryAfterSeconds > 0) {
    return { queued: false, refusal: "rate-limited", message: `at most ${UI_RUNS_PER_HOUR} runs per hour may be started here; retry in ${retryAfterSeconds} s`, retryAfterSeconds };
  }
  const request = runRequestSchema.parse({ ...body, trigger: "UI" });
  const jobId = await enqueue(INGEST_RUN_JOB, request, runJobOptions);
  return { queued: true, jobId, request };
}

/** INGEST_ACCOUNTS when the web process has it (an invalid value is the worker's to report). */
function configuredAccounts(): string[] | null {
  try {
    return env(parseIngestionConfig).accounts;
  } catch {
    return null;
  }
}
