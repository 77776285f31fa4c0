import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { PageHeading } from "@/components/overview/page-heading";
import { requirePage } from "@/lib/auth/page-access";
import { db } from "@/lib/db/client";
import { dataAsOf } from "@/lib/queries/freshness";

// Figures change with every ingestion: read the database per request, never at build time.
export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  await requirePage("PAGE /", "/");
  // The figures come from GET /api/overview, narrowed there to the signed-in principal's BUs.
  return (
    <div className="space-y-8">
      <PageHeading freshness={await dataAsOf(db())} />
      <OverviewDashboard />
    </div>
  );
}
