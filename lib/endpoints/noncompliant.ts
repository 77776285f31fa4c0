// GET /api/noncompliant: non-compliant resources per day by reason (DOMAIN.md §6.2), for the
// organization or split by one dimension.
import { defineEndpoint } from "@/lib/api/endpoint";
import { seriesParams, seriesQueryOf } from "@/lib/api/series-params";
import { nonCompliantSeries } from "@/lib/queries/kpi/noncompliant-series";

export const noncompliantEndpoint = defineEndpoint({
  route: "GET /api/noncompliant",
  access: "read",
  params: seriesParams,
  query: (db, params) => nonCompliantSeries(db, seriesQueryOf(params)),
});
