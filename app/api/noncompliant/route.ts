import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { checkRange, dateRangeParams, dimensionParams, parseQuery } from "@/lib/api/params";
import { db } from "@/lib/db/client";
import { nonCompliantSeries } from "@/lib/queries/kpi/noncompliant-series";
import { GROUP_DIMENSIONS } from "@/lib/queries/kpi/rollup-series";

export const dynamic = "force-dynamic";

const query = z.strictObject({
  ...dateRangeParams,
  ...dimensionParams,
  groupBy: z.enum(GROUP_DIMENSIONS, { error: `must be one of ${GROUP_DIMENSIONS.join(", ")}` }).optional(),
});

export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const { from, to, groupBy, ...filters } = parseQuery(request, query);
    checkRange({ from, to });
    return nonCompliantSeries(db(), { from, to, groupBy, filters });
  });
}
