import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { dimensionParams, month, pageParams, parseQuery } from "@/lib/api/params";
import { scopedFilters } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { modeledCost } from "@/lib/queries/kpi/modeled-cost";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

const query = z.strictObject({ month: month.optional(), bu: dimensionParams.bu, ...pageParams });

function get(request: Request): Promise<Response> {
  return handle(async () => modeledCost(db(), scopedFilters(parseQuery(request, query))));
}

export const GET = withAccess("GET /api/costs/modeled", get);
