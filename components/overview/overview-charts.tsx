"use client";

import { useMemo } from "react";
import { formatPercent, formatUsd, formatInteger } from "@/lib/domain/format";
import { okabeIto, reasonColors } from "@/components/charts/palette";
import { namedSeries, pivot } from "@/components/charts/series";
import { SeriesChart } from "@/components/charts/series-chart";
import { useBucketKeySavingsQuery, useCostsByBuQuery, useCoverageQuery, useNoncompliantQuery } from "@/components/hooks/queries/endpoints";
import { num, rowsOf, str, type Row } from "@/components/hooks/queries/types";
import { QueryBoundary } from "@/components/tables/states";
import { reasonLabels, reasonOrder } from "./reason-labels";

const pct = (v: number) => formatPercent(v);

/** The Overview's time series, read through the API (the tiles above are server-rendered). */
export function OverviewCharts() {
  const org = useCoverageQuery({});
  const byBu = useCoverageQuery({ groupBy: "bu" });
  const nc = useNoncompliantQuery({});
  const cost = useCostsByBuQuery({ granularity: "month" });
  const buckets = useBucketKeySavingsQuery({ pageSize: 500 });
  const coverage = useMemo(() => {
    const rows: Row[] = [
      ...rowsOf<Row>(org.data).map((p) => ({ ...p, group: "Organization" })),
      ...rowsOf<Row>(byBu.data),
    ];
    return pivot(rows, (r) => str(r.day), (r) => str(r.group), (r) => num(r.coverageByCountPct) ?? 0);
  }, [org.data, byBu.data]);
  const ncData = useMemo(
    () => rowsOf<Row>(nc.data).map((p) => ({ x: str(p.day), ...((p.byReason ?? {}) as Record<string, number>) })),
    [nc.data],
  );
  const costData = useMemo(() => pivot(rowsOf<Row>(cost.data), (r) => str(r.period).slice(0, 7), (r) => str(r.businessUnit), (r) => num(r.total) ?? 0, 0), [cost.data]);
  const topBuckets = useMemo(
    () =>
      rowsOf<Row>(buckets.data)
        .filter((b) => num(b.monthlySavings) !== null)
        .sort((a, b) => num(b.monthlySavings)! - num(a.monthlySavings)!)
        .slice(0, 10)
        .map((b) => ({ x: str(b.name), savings: num(b.monthlySavings)! })),
    [buckets.data],
  );
  const coverageSeries = [
    { key: "Organization", label: "Organization", color: okabeIto.black },
    ...namedSeries(coverage.seriesNames.filter((n) => n !== "Organization")),
  ];
  const reasons = reasonOrder.map((key) => ({ key, label: reasonLabels[key].label, color: reasonColors[key] }));
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <QueryBoundary query={byBu} label="Loading coverage">
        {() => <SeriesChart title="CMK coverage over time" description="% of in-scope resources on a customer managed key, organization and per business unit" testId="chart-coverage" kind="line" data={coverage.data} series={coverageSeries} xLabel="Day" yLabel="Coverage (%)" format={pct} yDomain={[0, 100]} />}
      </QueryBoundary>
      <QueryBoundary query={nc} label="Loading non-compliance">
        {() => <SeriesChart title="Non-compliant resources over time" description="Daily count, stacked by reason" testId="chart-noncompliant" kind="area" stacked data={ncData} series={reasons} xLabel="Day" yLabel="Resources" format={formatInteger} totalInTable />}
      </QueryBoundary>
      <QueryBoundary query={cost} label="Loading cost">
        {() => <SeriesChart title="KMS cost per business unit by month" description="Cost Explorer UnblendedCost in USD; untagged cost shown as (untagged)" testId="chart-cost-bu" kind="bar" stacked data={costData.data} series={namedSeries(costData.seriesNames)} xLabel="Month" yLabel="Cost (USD)" format={formatUsd} totalInTable />}
      </QueryBoundary>
      <QueryBoundary query={buckets} label="Loading Bucket Key savings">
        {() => <SeriesChart title="Top buckets by projected Bucket Key savings" description="USD per month if S3 Bucket Keys were enabled (exact and estimated attribution)" testId="chart-top-buckets" kind="bar" data={topBuckets} series={[{ key: "savings", label: "Projected savings", color: okabeIto.bluishGreen }]} xLabel="Bucket" yLabel="USD / month" format={formatUsd} formatX={(x) => (x.length > 14 ? `${x.slice(0, 13)}…` : x)} />}
      </QueryBoundary>
    </div>
  );
}
