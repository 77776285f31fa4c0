import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { requirePage } from "@/lib/auth/page-access";
import { scopedFilters } from "@/lib/auth/scope";
import { db } from "@/lib/db/client";
import { getOverview } from "@/lib/queries/overview";

// Figures change with every ingestion: read the database per request, never at build time.
export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  // The signed-in principal's BUs only (lib/auth/scope), read in SQL.
  const principal = await requirePage("PAGE /", "/");
  const overview = await getOverview(db(), scopedFilters({}, principal).bu);
  return <OverviewDashboard overview={overview} />;
}
