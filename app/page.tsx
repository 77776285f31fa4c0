import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { PageHeading } from "@/components/overview/page-heading";
import { OverviewFilters } from "@/components/filters/overview-filters";
import { parseFilters } from "@/components/filters/filter-params";
import { readEndpoint } from "@/lib/api/serve";
import { requirePage } from "@/lib/auth/page-access";
import { db } from "@/lib/db/client";
import { overviewEndpoint } from "@/lib/endpoints/overview";
import { dataAsOf } from "@/lib/queries/freshness";

// Figures change with every ingestion: read the database per request, never at build time.
export const dynamic = "force-dynamic";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const principal = await requirePage("PAGE /", "/");
  // ?bu= narrows the overview like every page (a bad value is reported above the page, not thrown).
  const { bu } = parseFilters(await searchParams).filters;
  // GET /api/overview's answer for this principal's BUs, from the route's own cache: the tiles
  // are in the first HTML (the largest paint), and the browser does not ask again. A BU outside
  // a viewer's scope is the API's 404: the browser's own request shows it.
  const [freshness, overview] = await Promise.all([dataAsOf(db()), readEndpoint(overviewEndpoint, bu ? { bu } : {}, principal).catch(() => undefined)]);
  return (
    <div className="space-y-8">
      <PageHeading freshness={freshness} />
      <OverviewFilters />
      <OverviewDashboard initialData={overview} />
    </div>
  );
}
