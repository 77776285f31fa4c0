import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { scopedFilters } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import type { DimensionFilters } from "./params";
import { checkRange, dateRangeParams, dimensionParams, parseQuery } from "./params";
import { handle } from "./errors";
import { GROUP_DIMENSIONS, type GroupDimension } from "@/lib/queries/kpi/rollup-series";

const seriesQuery = z.strictObject({
  ...dateRangeParams,
  ...dimensionParams,
  groupBy: z.enum(GROUP_DIMENSIONS, { error: `must be one of ${GROUP_DIMENSIONS.join(", ")}` }).optional(),
});

type SeriesQuery = { from?: string; to?: string; groupBy?: GroupDimension; filters: DimensionFilters };

/** GET handler of a daily rollup series endpoint (/api/coverage, /api/noncompliant): same parameters. */
export function seriesRoute(series: (db: Db, query: SeriesQuery) => Promise<unknown>): (request: Request) => Promise<Response> {
  return (request) =>
    handle(async () => {
      const { from, to, groupBy, ...filters } = parseQuery(request, seriesQuery);
      checkRange({ from, to });
      return series(db(), { from, to, groupBy, filters: scopedFilters(filters) });
    });
}
