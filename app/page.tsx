import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { PageHeading } from "@/components/overview/page-heading";
import { readEndpoint } from "@/lib/api/serve";
import { requirePage } from "@/lib/auth/page-access";
import { db } from "@/lib/db/client";
import { overviewEndpoint } from "@/lib/endpoints/overview";
import { dataAsOf } from "@/lib/queries/freshness";

// Figures change with every ingestion: read the database per request, never at build time.
export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const principal = await requirePage("PAGE /", "/");
  // GET /api/overview's answer for this principal's BUs, from the route's own cache: the tiles
  // are in the first HTML (the largest paint), and the browser does not ask again.
  const [freshness, overview] = await Promise.all([dataAsOf(db()), readEndpoint(overviewEndpoint, {}, principal)]);
  return (
    <div className="space-y-8">
      <PageHeading freshness={freshness} />
      <OverviewDashboard initialData={overview} />
    </div>
  );
}
