import { z } from "zod";
import { handle, notFound } from "@/lib/api/errors";
import { pageParams, parseInput, parseQuery } from "@/lib/api/params";
import { db } from "@/lib/db/client";
import { runDetail } from "@/lib/queries/kpi/run-detail";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

// Checked before the query: a malformed id would otherwise be a uuid cast error (500).
const path = z.object({ id: z.uuid("must be a run id (UUID)") });

function get(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    // page/pageSize page the raw warning list; the groups always cover the whole run.
    const page = parseQuery(request, z.strictObject(pageParams));
    const { id } = parseInput(path, await context.params);
    const run = await runDetail(db(), id, page);
    if (!run) throw notFound(`run ${id}: no such run`);
    return run;
  });
}

export const GET = withAccess("GET /api/runs/[id]", get);
