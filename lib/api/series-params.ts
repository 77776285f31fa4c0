// The parameters of every daily rollup series endpoint (/api/coverage, /api/noncompliant): a
// day range, the dimension filters, and one dimension to split by.
import { z } from "zod";
import { dateRangeParams, dimensionParams } from "./params";
import { GROUP_DIMENSIONS } from "@/lib/queries/kpi/rollup-series";

export const seriesParams = z.strictObject({
  ...dateRangeParams,
  ...dimensionParams,
  groupBy: z.enum(GROUP_DIMENSIONS, { error: `must be one of ${GROUP_DIMENSIONS.join(", ")}` }).optional(),
});

/** The series query's shape: the range and split apart, the filters together. */
export function seriesQueryOf({ from, to, groupBy, ...filters }: z.output<typeof seriesParams>) {
  return { from, to, groupBy, filters };
}
