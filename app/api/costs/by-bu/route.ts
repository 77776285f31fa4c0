import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { checkRange, dateRangeParams, dimensionParams, parseQuery } from "@/lib/api/params";
import { scopedFilters } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { COST_GROUPINGS, costByGroup } from "@/lib/queries/kpi/cost-by-bu";

export const dynamic = "force-dynamic";

const query = z.strictObject({
  groupBy: z.enum(COST_GROUPINGS, { error: `must be one of ${COST_GROUPINGS.join(", ")}` }).default("bu"),
  granularity: z.enum(["day", "month"], { error: "must be day or month" }).default("day"),
  ...dateRangeParams,
  account: dimensionParams.account,
  region: dimensionParams.region,
  bu: dimensionParams.bu,
});

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const q = parseQuery(request, query);
    checkRange(q);
    return costByGroup(db(), scopedFilters(q));
  });
}
