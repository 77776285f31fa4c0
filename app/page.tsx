import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { OVERVIEW_FILTERS } from "@/components/overview/drill-links";
import { PageHeading } from "@/components/overview/page-heading";
import { OverviewFilters } from "@/components/filters/overview-filters";
import { filtersToApiParams, parseFilters } from "@/components/filters/filter-params";
import { readEndpoint } from "@/lib/api/serve";
import { requirePage } from "@/lib/auth/page-access";
import { db } from "@/lib/db/client";
import { overviewEndpoint } from "@/lib/endpoints/overview";
import { dataAsOf } from "@/lib/queries/freshness";

// Figures change with every ingestion: read the database per request, never at build time.
export const dynamic = "force-dynamic";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("PAGE /", "/");
  // The filter bar's ?bu=, ?account=, ?region=, ?env=, ?service= narrow the overview like every
  // page (a bad value is reported above the page, not thrown).
  const params = filtersToApiParams(parseFilters(await searchParams).filters, OVERVIEW_FILTERS);
  // GET /api/overview's answer for this principal's BUs, from the route's own cache: the tiles
  // are in the first HTML (the largest paint), and the browser does not ask again. A BU outside
  // a viewer's scope is the API's 404: the browser's own request shows it.
  const [freshness, overview] = await Promise.all([dataAsOf(db()), readEndpoint(overviewEndpoint, params, principal).catch(() => undefined)]);
  return (
    <div className="space-y-8">
      <PageHeading freshness={freshness} filtered={Object.keys(params).length > 0} />
      <OverviewFilters />
      <OverviewDashboard initialData={overview} />
    </div>
  );
}
