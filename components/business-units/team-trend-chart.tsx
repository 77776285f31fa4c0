"use client";

// A team's CMK coverage against the organization's, per day over the filter bar's range (30 days
// when none is picked), with the coverage target as a goal line, a marker on every day a settings
// change recomputed history, and "compare with previous period" (the team's same days before).
// Every series follows the bar's account, region, environment and service, the team's and the
// organization's alike, so the two lines compare like with like.
import { useMemo } from "react";
import type { coverageEndpoint } from "@/lib/endpoints/coverage";
import { formatPercent } from "@/lib/domain/format";
import { okabeIto } from "@/components/charts/palette";
import { SeriesChart } from "@/components/charts/series-chart";
import { COVERAGE_HISTORY } from "@/components/charts/recompute-days";
import { alignPrevious, CompareToggle, PREVIOUS, spanOf, TrendNotes, useCompare, useRecomputeMarkers } from "@/components/charts/trend-parts";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { previousPeriod } from "@/components/filters/time-range";
import { useFilters } from "@/components/filters/use-filters";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { QueryBoundary } from "@/components/tables/states";
import { TEAM_DIMENSIONS } from "./team-filters";

export function TeamTrendChart({ bu, target }: { bu: string; target?: number }) {
  const { filters } = useFilters();
  const { compare, setCompare } = useCompare();
  const dims = filtersToApiParams(filters, TEAM_DIMENSIONS);
  const range = { ...dims, ...filtersToApiParams(filters, ["from", "to"]) };
  const team = useEndpoint<typeof coverageEndpoint>("/api/coverage", { ...range, bu });
  const org = useEndpoint<typeof coverageEndpoint>("/api/coverage", range);
  const span = spanOf(team.data);
  const before = span ? previousPeriod(span) : undefined;
  const prev = useEndpoint<typeof coverageEndpoint>("/api/coverage", { ...dims, ...before, bu }, { enabled: compare && Boolean(before) });
  const data = useMemo(() => {
    const points = team.data?.points ?? [];
    const orgByDay = new Map((org.data?.points ?? []).map((p) => [p.day, p.coverageByCountPct]));
    const aligned = compare && prev.data ? alignPrevious(points, prev.data.points, (p) => p.coverageByCountPct) : new Map<string, number>();
    return points.map((p) => ({ x: p.day, bu: p.coverageByCountPct ?? 0, org: orgByDay.get(p.day) ?? 0, ...(aligned.has(p.day) ? { [PREVIOUS]: aligned.get(p.day)! } : {}) }));
  }, [team.data, org.data, prev.data, compare]);
  const marker = useRecomputeMarkers(data.map((r) => r.x), COVERAGE_HISTORY);
  const series = [
    { key: "bu", label: bu, color: okabeIto.blue },
    ...(compare ? [{ key: PREVIOUS, label: `${bu}, previous period`, color: okabeIto.black }] : []),
    { key: "org", label: "Organization", color: okabeIto.grey },
  ];
  return (
    <QueryBoundary query={team} label={`Loading the coverage of ${bu}`}>
      {() => (
        <SeriesChart title={`CMK coverage of ${bu} against the organization`} testId="bu-trend" kind="line" data={data} series={series} xLabel="Day" yLabel="Coverage (%)" format={(v) => formatPercent(v)} yDomain={[0, 100]}
          description={<>% of in-scope resources on a customer managed key, per day · <TrendNotes range={span} goal={target === undefined ? "no target" : `${target}% target`} recomputed={marker.days} compared={compare ? before : undefined} /></>}
          goals={target === undefined ? [] : [{ value: target, label: `target ${target}%` }]} markers={marker.markers}
          actions={<CompareToggle on={compare} set={setCompare} chart={`CMK coverage of ${bu}`} />} />
      )}
    </QueryBoundary>
  );
}
