// GET /api/runs: ingestion runs, newest first, with their units' outcome and warning counts.
// POST /api/runs: asks the worker for a run (202); it appears in GET /api/runs once it starts.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { jsonResponse } from "@/lib/api/errors";
import { badRequest } from "@/lib/domain/errors";
import { dateRangeParams, pageParams } from "@/lib/api/params";
import { audit } from "@/lib/auth/audit";
import { currentPrincipal } from "@/lib/auth/context";
import type { IngestionRun } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { dayToDate, toDay } from "@/lib/domain/days";
import { enqueueRun } from "@/lib/ingestion/enqueue-run";
import { runBodySchema, type RunRequest } from "@/lib/ingestion/run-request";

const STATUSES = ["QUEUED", "RUNNING", "SUCCEEDED", "PARTIAL", "FAILED"] as const;

const runsParams = z.strictObject({
  status: z.string().transform((s) => s.split(",")).pipe(z.array(z.enum(STATUSES, { error: `must be among ${STATUSES.join(", ")}` }))).optional(),
  // The filter bar's range (issue 19): runs whose snapshot day falls in it.
  ...dateRangeParams,
  ...pageParams,
});

/** What a run shows first, in the list and in its detail (GET /api/runs/[id]). */
export function runHeadOf(run: IngestionRun) {
  return {
    id: run.id,
    trigger: run.trigger,
    status: run.status,
    snapshotDay: toDay(run.snapshotDay),
    requestedAt: run.requestedAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

async function listRuns(db: Db, query: z.output<typeof runsParams>) {
  const where = {
    ...(query.status?.length ? { status: { in: query.status } } : {}),
    ...(query.from || query.to ? { snapshotDay: { ...(query.from ? { gte: dayToDate(query.from) } : {}), ...(query.to ? { lte: dayToDate(query.to) } : {}) } } : {}),
  };
  const [total, runs] = await Promise.all([
    db.ingestionRun.count({ where }),
    db.ingestionRun.findMany({
      where,
      orderBy: { requestedAt: "desc" },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: { units: { select: { status: true } }, _count: { select: { warnings: true } } },
    }),
  ]);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: runs.map((r) => ({
      ...runHeadOf(r),
      scope: r.scope,
      unitsTotal: r.unitsTotal,
      units: r.units.reduce<Record<string, number>>((acc, u) => ({ ...acc, [u.status]: (acc[u.status] ?? 0) + 1 }), {}),
      warnings: r._count.warnings,
      requests: { kms: r.kmsRequests, costExplorer: r.costExplorerRequests, other: r.otherRequests },
      error: r.error,
    })),
  };
}

export const getRunsEndpoint = defineEndpoint({
  route: "GET /api/runs",
  access: "finops",
  params: runsParams,
  query: listRuns,
});

/** The 202 answer of POST /api/runs. */
export interface RunQueued {
  queued: true;
  jobId: string | null;
  request: RunRequest;
}

/**
 * One run at a time (409 naming the pending one), UI_RUNS_PER_HOUR (429 with Retry-After); the
 * trigger is always "UI" (a body naming one is refused as an unknown field).
 */
export const postRunsEndpoint = defineEndpoint({
  route: "POST /api/runs",
  access: "admin",
  params: runBodySchema,
  query: async (db, body): Promise<Response> => {
    const outcome = await enqueueRun(db, body);
    if (outcome.queued) {
      // Recorded once the job is queued, so a refused request leaves no audit row.
      await audit(db, currentPrincipal(), "run.start", { target: outcome.jobId ?? undefined, after: outcome.request });
      return jsonResponse({ queued: true, jobId: outcome.jobId, request: outcome.request } satisfies RunQueued, 202);
    }
    switch (outcome.refusal) {
      case "invalid":
        throw badRequest(outcome.message);
      case "pending":
        return jsonResponse({ error: { code: "conflict", message: outcome.message }, run: outcome.run }, 409);
      case "rate-limited": {
        const response = jsonResponse({ error: { code: "rate_limited", message: outcome.message } }, 429);
        response.headers.set("retry-after", String(outcome.retryAfterSeconds));
        return response;
      }
    }
  },
});
