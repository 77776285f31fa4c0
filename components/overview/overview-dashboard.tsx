import type { Overview } from "@/lib/queries/overview";
import { CoverageBreakdowns } from "./coverage-breakdowns";
import { CoverageSection } from "./coverage-section";
import { EmptyState } from "./empty-state";
import { KeysCostSection } from "./keys-cost-section";
import { OverviewCharts } from "./overview-charts";
import { PageHeading } from "./page-heading";

/** The home page body: server-rendered, nothing on it needs the browser. */
export function OverviewDashboard({ overview }: { overview: Overview }) {
  if (overview.empty) {
    return (
      <div className="space-y-8">
        <PageHeading freshness={null} />
        <EmptyState />
      </div>
    );
  }
  const { coverage } = overview;
  return (
    <div className="space-y-8">
      <PageHeading freshness={overview.freshness} />
      <CoverageSection coverage={coverage} before={overview.coverageBefore} />
      <KeysCostSection keys={overview.keys} cost={overview.cost} />
      <CoverageBreakdowns coverage={coverage} />
      <OverviewCharts />
    </div>
  );
}
