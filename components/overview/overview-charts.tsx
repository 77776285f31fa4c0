"use client";

import { useMemo } from "react";
import type { coverageEndpoint } from "@/lib/endpoints/coverage";
import type { noncompliantEndpoint } from "@/lib/endpoints/noncompliant";
import { formatPercent, formatUsd, formatInteger } from "@/lib/domain/format";
import { okabeIto, reasonColors } from "@/components/charts/palette";
import { namedSeries, pivot } from "@/components/charts/series";
import { SeriesChart } from "@/components/charts/series-chart";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { QueryBoundary } from "@/components/tables/states";
import type { Overview } from "./overview-figures";
import { reasonLabels, reasonOrder } from "./reason-labels";
import { costMonthLink, costRowsLink, resourcesLink } from "./drill-links";

const pct = (v: number) => formatPercent(v);
const ORGANIZATION = "Organization";

/**
 * The Overview's time series: cost per BU and the top buckets come with the overview; coverage
 * and non-compliance are daily series over the last 30 days (the overview's own are weekly, for
 * 13 months), coverage also per business unit.
 */
export function OverviewCharts({ series, window: costWindow }: { series: Overview["series"]; window: Overview["window"] }) {
  const org = useEndpoint<typeof coverageEndpoint>("/api/coverage", {});
  const byBu = useEndpoint<typeof coverageEndpoint>("/api/coverage", { groupBy: "bu" });
  const nc = useEndpoint<typeof noncompliantEndpoint>("/api/noncompliant", {});
  const coverage = useMemo(() => {
    const rows = [...(org.data?.points ?? []).map((p) => ({ ...p, group: ORGANIZATION })), ...(byBu.data?.points ?? [])];
    return pivot(rows, (r) => r.day, (r) => r.group ?? ORGANIZATION, (r) => r.coverageByCountPct ?? 0);
  }, [org.data, byBu.data]);
  const ncData = useMemo(() => (nc.data?.points ?? []).map((p) => ({ x: p.day, ...p.byReason })), [nc.data]);
  const costData = useMemo(() => pivot(series.costByBuMonthly, (r) => r.period.slice(0, 7), (r) => r.businessUnit, (r) => r.total, 0), [series.costByBuMonthly]);
  const topBuckets = useMemo(
    () => series.topBuckets.flatMap((b) => (b.monthlySavings === null ? [] : [{ x: b.name, savings: b.monthlySavings }])),
    [series.topBuckets],
  );
  const coverageSeries = [
    { key: ORGANIZATION, label: ORGANIZATION, color: okabeIto.black },
    ...namedSeries(coverage.seriesNames.filter((n) => n !== ORGANIZATION)),
  ];
  const reasons = reasonOrder.map((key) => ({ key, label: reasonLabels[key].label, color: reasonColors[key] }));
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <QueryBoundary query={byBu} label="Loading coverage">
        {() => <SeriesChart title="CMK coverage over time" description="% of in-scope resources on a customer managed key, organization and per business unit" testId="chart-coverage" kind="line" data={coverage.data} series={coverageSeries} xLabel="Day" yLabel="Coverage (%)" format={pct} yDomain={[0, 100]} />}
      </QueryBoundary>
      <QueryBoundary query={nc} label="Loading non-compliance">
        {() => <SeriesChart title="Non-compliant resources over time" description="Daily count, stacked by reason" testId="chart-noncompliant" kind="area" stacked data={ncData} series={reasons} xLabel="Day" yLabel="Resources" format={formatInteger} totalInTable
          linkFor={(day, reason) => resourcesLink({ reason, day })} legendLinkFor={(reason) => resourcesLink({ reason })} />}
      </QueryBoundary>
      <SeriesChart title="KMS cost per business unit by month" description="Cost Explorer UnblendedCost in USD; untagged cost shown as (untagged)" testId="chart-cost-bu" kind="bar" stacked data={costData.data} series={namedSeries(costData.seriesNames)} xLabel="Month" yLabel="Cost (USD)" format={formatUsd} totalInTable
        linkFor={(month, bu) => costMonthLink(month, bu)} legendLinkFor={(bu) => (costWindow.from && costWindow.to ? costRowsLink(costWindow.from, costWindow.to, bu) : null)} />
      <SeriesChart title="Top buckets by projected Bucket Key savings" description="USD per month if S3 Bucket Keys were enabled (exact and estimated attribution)" testId="chart-top-buckets" kind="bar" data={topBuckets} series={[{ key: "savings", label: "Projected savings", color: okabeIto.bluishGreen }]} xLabel="Bucket" yLabel="USD / month" format={formatUsd} formatX={(x) => (x.length > 14 ? `${x.slice(0, 13)}…` : x)} />
    </div>
  );
}
