// GET /api/coverage: CMK coverage per day (DOMAIN.md §6.1), for the organization or split by one
// dimension. The series itself is lib/queries/kpi/coverage-series.ts (the weekly digest and the
// overview read it too).
import { defineEndpoint } from "@/lib/api/endpoint";
import { seriesParams, seriesQueryOf } from "@/lib/api/series-params";
import { coverageSeries } from "@/lib/queries/kpi/coverage-series";

export const coverageEndpoint = defineEndpoint({
  route: "GET /api/coverage",
  access: "read",
  params: seriesParams,
  query: (db, params) => coverageSeries(db, seriesQueryOf(params)),
});
