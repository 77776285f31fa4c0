"use client";

import { useMemo } from "react";
import { formatUsd } from "@/lib/domain/format";
import { okabeIto } from "@/components/charts/palette";
import { namedSeries, pivot } from "@/components/charts/series";
import { SeriesChart } from "@/components/charts/series-chart";
import type { Overview } from "./overview-figures";
import { bucketSavingsLink, bucketsLink, costMonthLink, costRowsLink, type Carried } from "./drill-links";
import { FilterNote } from "./filter-note";
import { CoverageTrendChart, NonCompliantTrendChart, partialMonth } from "./trend-charts";

/**
 * The Overview's time series: cost per BU and the top buckets come with the overview; coverage
 * and non-compliance are daily series over the page's date range (trend-charts.tsx; the
 * overview's own are weekly, for 13 months), coverage also per business unit.
 */
export function OverviewCharts({ series, window: costWindow, targets, costAsOf, carried, notApplied = {} }: { series: Overview["series"]; window: Overview["window"]; targets: Overview["targets"]; costAsOf?: string | null; carried?: Carried; notApplied?: Overview["filtersNotApplied"] }) {
  const costData = useMemo(() => pivot(series.costByBuMonthly, (r) => r.period.slice(0, 7), (r) => r.businessUnit, (r) => r.total, 0), [series.costByBuMonthly]);
  const topBuckets = useMemo(
    () => series.topBuckets.flatMap((b) => (b.monthlySavings === null ? [] : [{ x: b.name, savings: b.monthlySavings }])),
    [series.topBuckets],
  );
  // A bar opens its bucket's row on the Savings page (names are unique among S3 buckets).
  const arnOf = useMemo(() => new Map(series.topBuckets.map((b) => [b.name, b.resourceArn])), [series.topBuckets]);
  const bucketLink = (name: string) => {
    const arn = arnOf.get(name);
    return arn ? bucketSavingsLink(arn, carried) : null;
  };
  // The month the cost data has not finished: its bar is low because it is partial, not a collapse.
  const partial = partialMonth(costAsOf);
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <CoverageTrendChart target={targets.coverageByCount} />
      <NonCompliantTrendChart target={targets.nonCompliant} />
      <SeriesChart title="KMS cost per business unit by month" description={<>Cost Explorer UnblendedCost in USD; untagged cost shown as (untagged){partial ? <> · <span data-testid="partial-month">{partial} is partial (to {costAsOf})</span></> : null}<FilterNote notes={notApplied.costByBu} testId="filter-note-cost-chart" /></>} testId="chart-cost-bu" kind="bar" stacked data={costData.data} series={namedSeries(costData.seriesNames)} xLabel="Month" yLabel="Cost (USD)" format={formatUsd} totalInTable
        partialX={partial} formatX={(x) => (x === partial ? `${x} (partial)` : x)}
        linkFor={(month, bu) => costMonthLink(month, bu, carried)} legendLinkFor={(bu) => (costWindow.from && costWindow.to ? costRowsLink(costWindow.from, costWindow.to, bu, carried) : null)} />
      <SeriesChart title="Top buckets by projected Bucket Key savings" description="USD per month if S3 Bucket Keys were enabled (exact and estimated attribution)" testId="chart-top-buckets" kind="bar" data={topBuckets} series={[{ key: "savings", label: "Projected savings", color: okabeIto.bluishGreen }]} xLabel="Bucket" yLabel="USD / month" format={formatUsd} formatX={(x) => (x.length > 14 ? `${x.slice(0, 13)}…` : x)}
        linkFor={(name) => bucketLink(name)} legendLinkFor={() => bucketsLink(carried)} />
    </div>
  );
}
