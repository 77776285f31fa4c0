import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { checkRange, dateRangeParams, dimensionParams, parseQuery } from "@/lib/api/params";
import { scopedFilters } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { mttpReport } from "@/lib/queries/kpi/mttp";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

/** from/to bound the keys' creation day. */
const query = z.strictObject({ ...dateRangeParams, bu: dimensionParams.bu });

function get(request: Request): Promise<Response> {
  return handle(async () => {
    const q = parseQuery(request, query);
    checkRange(q);
    return mttpReport(db(), scopedFilters(q));
  });
}

export const GET = withAccess("GET /api/mttp", get);
