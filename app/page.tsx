import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { getOverview } from "@/lib/queries/overview";

// Figures change with every ingestion: read the database per request, never at build time.
export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const overview = await getOverview();
  return <OverviewDashboard overview={overview} />;
}
