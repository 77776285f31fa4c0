"use client";

import type { ResponseOf } from "@/lib/api/endpoint";
import type { overviewEndpoint } from "@/lib/endpoints/overview";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { QueryBoundary } from "@/components/tables/states";
import { CoverageBreakdowns } from "./coverage-breakdowns";
import { CoverageSection } from "./coverage-section";
import { EmptyState } from "./empty-state";
import { FindingsSection } from "./findings-section";
import { KeysCostSection } from "./keys-cost-section";
import { OverviewCharts } from "./overview-charts";
import { coverageBeforeOf, coverageOf } from "./overview-figures";
import { OVERVIEW_FILTERS } from "./drill-links";

/**
 * The home page body: tiles, breakdowns and charts, all from GET /api/overview (plus the daily
 * coverage series). The page hands over the answer it read on the server, so the tiles paint with
 * the HTML; the query keeps it current afterwards.
 */
export function OverviewDashboard({ initialData }: { initialData?: ResponseOf<typeof overviewEndpoint> }) {
  const { filters } = useFilters();
  const carried = filtersToApiParams(filters, OVERVIEW_FILTERS);
  const query = useEndpoint<typeof overviewEndpoint>("/api/overview", carried, { initialData });
  return (
    <QueryBoundary query={query} label="Loading the overview">
      {(overview) => {
        if (overview.empty) return <EmptyState />;
        const coverage = coverageOf(overview.tiles);
        return (
          <div className="space-y-8">
            <CoverageSection coverage={coverage} before={coverageBeforeOf(overview.tiles)} carried={carried} />
            <KeysCostSection keys={overview.tiles.keys} cost={overview.tiles.cost} carried={carried} notApplied={overview.filtersNotApplied} />
            <FindingsSection bySeverity={overview.tiles.keys.findingsBySeverity} carried={carried} notApplied={overview.filtersNotApplied.findings} />
            <CoverageBreakdowns coverage={coverage} carried={carried} />
            <OverviewCharts series={overview.series} window={overview.window} targets={overview.targets} costAsOf={overview.asOf.costs} carried={carried} notApplied={overview.filtersNotApplied} />
          </div>
        );
      }}
    </QueryBoundary>
  );
}
