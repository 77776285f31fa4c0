"use client";

// The overview's daily trend charts (coverage, non-compliance) over the page's date range (the
// range picker; 30 days when none is picked) and the filter bar's dimensions, with the policy
// target as a goal line, a marker on every day a settings change recomputed history, and
// optionally the previous period of the same length as a dashed line (trend-parts.tsx).
import { useMemo } from "react";
import type { coverageEndpoint } from "@/lib/endpoints/coverage";
import type { noncompliantEndpoint } from "@/lib/endpoints/noncompliant";
import { addDays } from "@/lib/domain/days";
import { formatInteger, formatPercent } from "@/lib/domain/format";
import { okabeIto, reasonColors } from "@/components/charts/palette";
import { namedSeries, pivot } from "@/components/charts/series";
import { SeriesChart } from "@/components/charts/series-chart";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { previousPeriod } from "@/components/filters/time-range";
import { useFilters } from "@/components/filters/use-filters";
import { COVERAGE_HISTORY } from "@/components/charts/recompute-days";
import { alignPrevious, CompareToggle, PREVIOUS, spanOf, TrendNotes, useCompare, useRecomputeMarkers } from "@/components/charts/trend-parts";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { QueryBoundary } from "@/components/tables/states";
import { OVERVIEW_FILTERS, resourcesLink } from "./drill-links";
import { reasonLabels, reasonOrder } from "./reason-labels";

const ORGANIZATION = "Organization";
const pct = (v: number) => formatPercent(v);

/** The range the charts show: the picked one, else the series endpoints' default (30 days to the latest day). */
function useChartRange() {
  const { filters } = useFilters();
  const { compare, setCompare } = useCompare();
  const params = filtersToApiParams(filters, ["from", "to", ...OVERVIEW_FILTERS]);
  // The drill-through links carry the bar's dimensions, not its range (a link names its own day).
  const carried = filtersToApiParams(filters, OVERVIEW_FILTERS);
  return { params, carried, compare, setCompare };
}

export function CoverageTrendChart({ target }: { target: number }) {
  const { params, compare, setCompare } = useChartRange();
  const org = useEndpoint<typeof coverageEndpoint>("/api/coverage", params);
  const byBu = useEndpoint<typeof coverageEndpoint>("/api/coverage", { ...params, groupBy: "bu" });
  const span = spanOf(org.data);
  const before = span ? previousPeriod(span) : undefined;
  const prev = useEndpoint<typeof coverageEndpoint>("/api/coverage", { ...params, ...before }, { enabled: compare && Boolean(before) });
  const data = useMemo(() => {
    const points = org.data?.points ?? [];
    const rows = [...points.map((p) => ({ ...p, group: ORGANIZATION })), ...(byBu.data?.points ?? [])];
    const table = pivot(rows, (r) => r.day, (r) => r.group ?? ORGANIZATION, (r) => r.coverageByCountPct ?? 0);
    if (!compare || !prev.data) return table;
    const aligned = alignPrevious(points, prev.data.points, (p) => p.coverageByCountPct);
    return { data: table.data.map((row) => (aligned.has(String(row.x)) ? { ...row, [PREVIOUS]: aligned.get(String(row.x))! } : row)), seriesNames: table.seriesNames };
  }, [org.data, byBu.data, prev.data, compare]);
  const marker = useRecomputeMarkers(data.data.map((r) => String(r.x)), COVERAGE_HISTORY);
  const series = [
    { key: ORGANIZATION, label: ORGANIZATION, color: okabeIto.black },
    ...(compare ? [{ key: PREVIOUS, label: `${ORGANIZATION}, previous period`, color: okabeIto.grey }] : []),
    ...namedSeries(data.seriesNames.filter((n) => n !== ORGANIZATION)),
  ];
  return (
    <QueryBoundary query={byBu} label="Loading coverage">
      {() => (
        <SeriesChart title="CMK coverage over time" testId="chart-coverage" kind="line" data={data.data} series={series} xLabel="Day" yLabel="Coverage (%)" format={pct} yDomain={[0, 100]}
          description={<>% of in-scope resources on a customer managed key, organization and per business unit · <TrendNotes range={span} goal={`${target}% target`} recomputed={marker.days} compared={compare ? before : undefined} /></>}
          goals={[{ value: target, label: `target ${target}%` }]} markers={marker.markers}
          actions={<CompareToggle on={compare} set={setCompare} chart="CMK coverage" />} />
      )}
    </QueryBoundary>
  );
}

export function NonCompliantTrendChart({ target }: { target: number }) {
  const { params, carried, compare, setCompare } = useChartRange();
  const nc = useEndpoint<typeof noncompliantEndpoint>("/api/noncompliant", params);
  const span = spanOf(nc.data);
  const before = span ? previousPeriod(span) : undefined;
  const prev = useEndpoint<typeof noncompliantEndpoint>("/api/noncompliant", { ...params, ...before }, { enabled: compare && Boolean(before) });
  const data = useMemo(() => {
    const points = nc.data?.points ?? [];
    const aligned = compare && prev.data ? alignPrevious(points, prev.data.points, (p) => p.total) : new Map<string, number>();
    return points.map((p) => ({ x: p.day, ...p.byReason, ...(aligned.has(p.day) ? { [PREVIOUS]: aligned.get(p.day)! } : {}) }));
  }, [nc.data, prev.data, compare]);
  const marker = useRecomputeMarkers(data.map((r) => r.x), COVERAGE_HISTORY);
  const reasons = reasonOrder.map((key) => ({ key, label: reasonLabels[key].label, color: reasonColors[key] }));
  // The previous period is a total, not a reason: it is drawn as a goal-style line over the stack.
  const previousLine = compare ? [{ key: PREVIOUS, label: "Total, previous period", color: okabeIto.black }] : [];
  return (
    <QueryBoundary query={nc} label="Loading non-compliance">
      {() => (
        <SeriesChart title="Non-compliant resources over time" testId="chart-noncompliant" kind="area" stacked data={data} series={[...reasons, ...previousLine]} xLabel="Day" yLabel="Resources" format={formatInteger} totalInTable={!compare}
          description={<>Daily count, stacked by reason · <TrendNotes range={span} goal={`${formatInteger(target)} non-compliant`} recomputed={marker.days} compared={compare ? before : undefined} /></>}
          goals={[{ value: target, label: `target ${formatInteger(target)}` }]} markers={marker.markers}
          actions={<CompareToggle on={compare} set={setCompare} chart="Non-compliant resources" />}
          linkFor={(day, reason) => (reason === PREVIOUS ? null : resourcesLink({ reason, day }, carried))} legendLinkFor={(reason) => (reason === PREVIOUS ? null : resourcesLink({ reason }, carried))} />
      )}
    </QueryBoundary>
  );
}

/** The current month ("2026-12") when `latestDay` is not its last day: its cost bar is partial. */
export function partialMonth(latestDay: string | null | undefined): string | undefined {
  if (!latestDay) return undefined;
  return addDays(latestDay, 1).slice(0, 7) === latestDay.slice(0, 7) ? latestDay.slice(0, 7) : undefined;
}
