import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { pageParams, parseQuery } from "@/lib/api/params";
import { db } from "@/lib/db/client";
import { listRuns } from "@/lib/queries/kpi/runs";

export const dynamic = "force-dynamic";

const statuses = ["QUEUED", "RUNNING", "SUCCEEDED", "PARTIAL", "FAILED"] as const;
const query = z.strictObject({
  status: z.string().transform((s) => s.split(",")).pipe(z.array(z.enum(statuses, { error: `must be among ${statuses.join(", ")}` }))).optional(),
  ...pageParams,
});

export function GET(request: Request): Promise<Response> {
  return handle(async () => listRuns(db(), parseQuery(request, query)));
}
