import { z } from "zod";
import { badRequest, handle, jsonResponse } from "@/lib/api/errors";
import { INGEST_RUN_JOB, runJobOptions } from "@/lib/ingestion/queue-names";
import { enqueue } from "@/lib/ingestion/queue-client";
import { runBodySchema, runRequestSchema } from "@/lib/ingestion/run-request";
import { earliestCostDay, pendingRun, rateLimitRetryAfter, UI_RUNS_PER_HOUR, unknownAccounts } from "@/lib/ingestion/run-admission";
import { env } from "@/lib/config/env";
import { parseIngestionConfig } from "@/lib/config/ingestion";
import { pageParams, parseInput, parseQuery, readJsonBody } from "@/lib/api/params";
import { db } from "@/lib/db/client";
import { listRuns } from "@/lib/queries/kpi/runs";
import { auditAfter } from "@/lib/auth/audit";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

const statuses = ["QUEUED", "RUNNING", "SUCCEEDED", "PARTIAL", "FAILED"] as const;
const query = z.strictObject({
  status: z.string().transform((s) => s.split(",")).pipe(z.array(z.enum(statuses, { error: `must be among ${statuses.join(", ")}` }))).optional(),
  ...pageParams,
});

function get(request: Request): Promise<Response> {
  return handle(async () => listRuns(db(), parseQuery(request, query)));
}

/**
 * Asks the worker for an ingestion run (202): the run resolves accounts and regions in the
 * worker, which holds the AWS credentials; it appears in GET /api/runs once it starts.
 * One run at a time (409 naming the pending one), UI_RUNS_PER_HOUR (429 with Retry-After);
 * the trigger is always "UI" (a body naming one is refused).
 */
function post(request: Request): Promise<Response> {
  return handle(async () => {
    const body = parseInput(runBodySchema, await readJsonBody(request));
    const earliest = earliestCostDay(new Date());
    const today = new Date().toISOString().slice(0, 10);
    if (body.since && (body.since < earliest || body.since > today)) {
      throw badRequest(`since: must be a day from ${earliest} (Cost Explorer keeps the current month and the 13 before it) to ${today}`);
    }
    if (body.accounts?.length) {
      const unknown = await unknownAccounts(db(), body.accounts, configuredAccounts());
      if (unknown.length) throw badRequest(`accounts: ${unknown.join(", ")} ${unknown.length > 1 ? "are" : "is"} not in INGEST_ACCOUNTS or the organization's accounts known from earlier runs`);
    }
    const pending = await pendingRun(db());
    if (pending) {
      const what = pending.runId ? `run ${pending.runId} is ${pending.status}` : "a run is queued";
      return jsonResponse({ error: { code: "conflict", message: `${what} (requested ${pending.requestedAt}): one run at a time` }, run: pending }, 409);
    }
    const retryAfter = await rateLimitRetryAfter(db());
    if (retryAfter > 0) {
      const response = jsonResponse({ error: { code: "rate_limited", message: `at most ${UI_RUNS_PER_HOUR} runs per hour may be started here; retry in ${retryAfter} s` } }, 429);
      response.headers.set("retry-after", String(retryAfter));
      return response;
    }
    const payload = runRequestSchema.parse({ ...body, trigger: "UI" });
    const jobId = await auditAfter(enqueue(INGEST_RUN_JOB, payload, runJobOptions), "run.start", { after: payload });
    return jsonResponse({ queued: true, jobId, request: payload }, 202);
  });
}

/** INGEST_ACCOUNTS when the web process has it (an invalid value is the worker's to report). */
function configuredAccounts(): string[] | null {
  try {
    return env(parseIngestionConfig).accounts;
  } catch {
    return null;
  }
}

export const GET = withAccess("GET /api/runs", get);
export const POST = withAccess("POST /api/runs", post);
