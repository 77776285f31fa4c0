import { z } from "zod";
import { badRequest, handle, jsonResponse } from "@/lib/api/errors";
import { INGEST_RUN_JOB } from "@/lib/ingestion/queue-names";
import { enqueue } from "@/lib/ingestion/queue-client";
import { runRequestSchema } from "@/lib/ingestion/run-request";
import { pageParams, parseQuery } from "@/lib/api/params";
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
 */
function post(request: Request): Promise<Response> {
  return handle(async () => {
    const body: unknown = await request.json().catch(() => {
      throw badRequest("body: must be a JSON object");
    });
    const parsed = runRequestSchema.safeParse({ trigger: "UI", ...(body as object) });
    if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
    const jobId = await auditAfter(enqueue(INGEST_RUN_JOB, parsed.data), "run.start", { after: parsed.data });
    return jsonResponse({ queued: true, jobId, request: parsed.data }, 202);
  });
}

export const GET = withAccess("GET /api/runs", get);
export const POST = withAccess("POST /api/runs", post);
