"use client";

// The overview's daily trend charts (coverage, non-compliance) over the page's date range (the
// range picker; 30 days when none is picked), with the policy target as a goal line, a marker
// where a settings change recomputed history, and optionally the previous period of the same
// length as a dashed line ("compare with previous period", ?compare=previous).
import { useMemo } from "react";
import type { coverageEndpoint } from "@/lib/endpoints/coverage";
import type { noncompliantEndpoint } from "@/lib/endpoints/noncompliant";
import type { getSettingsEndpoint } from "@/lib/endpoints/settings";
import { addDays, toDay } from "@/lib/domain/days";
import { formatInteger, formatPercent } from "@/lib/domain/format";
import { okabeIto, reasonColors } from "@/components/charts/palette";
import { namedSeries, pivot } from "@/components/charts/series";
import { SeriesChart } from "@/components/charts/series-chart";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { previousPeriod } from "@/components/filters/time-range";
import { useFilters } from "@/components/filters/use-filters";
import { useUrlChoice } from "@/components/filters/use-url-state";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { QueryBoundary } from "@/components/tables/states";
import { OVERVIEW_FILTERS, resourcesLink } from "./drill-links";
import { reasonLabels, reasonOrder } from "./reason-labels";

const ORGANIZATION = "Organization";
const PREVIOUS = "Previous period";
const pct = (v: number) => formatPercent(v);

/** The range the charts show: the picked one, else the series endpoints' default (30 days to the latest day). */
function useChartRange() {
  const { filters } = useFilters();
  const [compare, setCompare] = useUrlChoice("compare", ["off", "previous"], "off");
  const params = filtersToApiParams(filters, ["from", "to", ...OVERVIEW_FILTERS]);
  // The drill-through links carry the bar's dimensions, not its range (a link names its own day).
  const carried = filtersToApiParams(filters, OVERVIEW_FILTERS);
  return { params, carried, compare: compare === "previous", setCompare: (on: boolean) => setCompare(on ? "previous" : "off") };
}

/** The days a series answer covers (null ends: no data at all). */
const spanOf = (data: { from: string | null; to: string | null } | undefined) => (data?.from && data.to ? { from: data.from, to: data.to } : undefined);

/** The previous period's series, re-keyed onto this period's days (day i of each). */
function alignPrevious<P extends { day: string }>(current: readonly P[], previous: readonly P[], value: (p: P) => number | null) {
  const out = new Map<string, number>();
  current.forEach((p, i) => {
    const v = previous[i] ? value(previous[i]) : null;
    if (v !== null) out.set(p.day, v);
  });
  return out;
}

/** The day the last settings recompute finished, when it falls inside the chart's days. */
function useRecomputeMarker(days: readonly string[]) {
  const settings = useEndpoint<typeof getSettingsEndpoint>("/api/settings");
  const finished = settings.data?.recompute.finishedAt;
  const day = finished && settings.data?.recompute.state === "done" ? toDay(new Date(finished)) : null;
  const markers = day && days.includes(day) ? [{ x: day, label: "settings recomputed" }] : [];
  return { markers, day: markers.length ? day : null };
}

function CompareToggle({ on, set, chart }: { on: boolean; set: (on: boolean) => void; chart: string }) {
  return (
    <label className="flex items-center gap-1.5 text-sm text-slate-700">
      <input type="checkbox" checked={on} onChange={(e) => set(e.target.checked)} aria-label={`${chart}: compare with previous period`} />
      vs previous period
    </label>
  );
}

function Notes({ range, goal, recomputed, compared }: { range?: { from: string; to: string }; goal: string; recomputed: string | null; compared?: { from: string; to: string } }) {
  return (
    <>
      {range ? <span data-testid="chart-span">{range.from} to {range.to}</span> : null}
      {" · "}goal line: {goal}
      {recomputed ? ` · history recomputed after a settings change on ${recomputed}` : ""}
      {compared ? ` · dashed: ${compared.from} to ${compared.to}` : ""}
    </>
  );
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
  const marker = useRecomputeMarker(data.data.map((r) => String(r.x)));
  const series = [
    { key: ORGANIZATION, label: ORGANIZATION, color: okabeIto.black },
    ...(compare ? [{ key: PREVIOUS, label: `${ORGANIZATION}, previous period`, color: okabeIto.grey }] : []),
    ...namedSeries(data.seriesNames.filter((n) => n !== ORGANIZATION)),
  ];
  return (
    <QueryBoundary query={byBu} label="Loading coverage">
      {() => (
        <SeriesChart title="CMK coverage over time" testId="chart-coverage" kind="line" data={data.data} series={series} xLabel="Day" yLabel="Coverage (%)" format={pct} yDomain={[0, 100]}
          description={<>% of in-scope resources on a customer managed key, organization and per business unit · <Notes range={span} goal={`${target}% target`} recomputed={marker.day} compared={compare ? before : undefined} /></>}
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
  const marker = useRecomputeMarker(data.map((r) => r.x));
  const reasons = reasonOrder.map((key) => ({ key, label: reasonLabels[key].label, color: reasonColors[key] }));
  // The previous period is a total, not a reason: it is drawn as a goal-style line over the stack.
  const previousLine = compare ? [{ key: PREVIOUS, label: "Total, previous period", color: okabeIto.black }] : [];
  return (
    <QueryBoundary query={nc} label="Loading non-compliance">
      {() => (
        <SeriesChart title="Non-compliant resources over time" testId="chart-noncompliant" kind="area" stacked data={data} series={[...reasons, ...previousLine]} xLabel="Day" yLabel="Resources" format={formatInteger} totalInTable={!compare}
          description={<>Daily count, stacked by reason · <Notes range={span} goal={`${formatInteger(target)} non-compliant`} recomputed={marker.day} compared={compare ? before : undefined} /></>}
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
