import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { checkRange, dateRangeParams, dimensionParams, parseQuery } from "@/lib/api/params";
import { scopedFilters } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { COST_GROUPINGS, costByGroup } from "@/lib/queries/kpi/cost-by-bu";
import { latestBuTagKeyChange } from "@/lib/settings/bu-tag-history";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

const query = z.strictObject({
  groupBy: z.enum(COST_GROUPINGS, { error: `must be one of ${COST_GROUPINGS.join(", ")}` }).default("bu"),
  granularity: z.enum(["day", "month"], { error: "must be day or month" }).default("day"),
  ...dateRangeParams,
  account: dimensionParams.account,
  region: dimensionParams.region,
  bu: dimensionParams.bu,
});

function get(request: Request): Promise<Response> {
  return handle(async () => {
    const q = parseQuery(request, query);
    checkRange(q);
    // Cost rows before this day keep the business-unit tag key they were fetched with.
    return { ...(await costByGroup(db(), scopedFilters(q))), businessUnitTagKeyChange: await latestBuTagKeyChange(db()) };
  });
}

export const GET = withAccess("GET /api/costs/by-bu", get);
