"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useSearchParams } from "next/navigation";
import { FILTER_NAMES } from "@/components/filters/filter-params";
import { isolateText } from "@/components/tables/bidi";
import { formatCountTick, formatDay, formatDayShort, formatInteger, formatMonthShort, formatUsd, formatUsdTick, niceTicks } from "@/lib/domain/format";
import { ChartCard } from "./chart-card";
import { ChartTooltip } from "./chart-tooltip";
import { schemeColor } from "./palette";
import type { SeriesSpec } from "./series";
import { SeriesLegend } from "./series-legend";
import { SeriesTable } from "./series-table";
import { useColorScheme } from "./use-color-scheme";

export interface SeriesChartProps {
  title: string;
  description?: React.ReactNode;
  testId: string;
  kind: "line" | "bar" | "area";
  stacked?: boolean;
  data: Record<string, string | number>[];
  series: SeriesSpec[];
  /** Axis titles carry the unit: "Coverage (%)", "Cost (USD)". An x axis titled "Day" or "Month" reads its values as days or months. */
  xLabel: string;
  yLabel: string;
  format: (value: number) => string;
  formatTick?: (value: number) => string;
  /** The x tick text (e.g. a shortened name); the tooltip and the table show the whole value. */
  formatX?: (x: string) => string;
  yDomain?: [number | "auto", number | "auto"];
  totalInTable?: boolean;
  actions?: React.ReactNode;
  /**
   * The rows behind a point (issue 19 item 1): a bar of a series, or a day of an area or line
   * chart (seriesKey undefined: a click cannot tell which stacked area). The table's cells link there too.
   */
  linkFor?: (x: string, seriesKey?: string) => string | null;
  /** The rows behind a whole series, linked from its legend entry. */
  legendLinkFor?: (seriesKey: string) => string | null;
  /** Horizontal goal lines (policy targets), labelled. */
  goals?: { value: number; label: string }[];
  /** Vertical markers at x values (a settings change that recomputed history), labelled. */
  markers?: { x: string; label: string }[];
  /** An x value whose period is not over yet (the current month): shaded and labelled "partial". */
  partialX?: string;
}

/** The tick form of the shared formatters: abbreviated, no cents ($4.1K); exact figures stay in the tooltip and the table. */
const TICK_FORMATS = new Map<(n: number) => string, (n: number) => string>([
  [formatUsd, formatUsdTick],
  [formatInteger, formatCountTick],
]);

/** x values the axis title says are days or months: [tick text, tooltip and table text]. */
const X_FORMATS: Record<string, [(x: string) => string, (x: string) => string]> = {
  Day: [formatDayShort, (x) => formatDay(new Date(`${x.slice(0, 10)}T00:00:00Z`))],
  Month: [formatMonthShort, formatMonthShort],
};

/** The top of the value axis: the largest bar or stack of the series shown. */
function largestValue(data: readonly Record<string, string | number>[], keys: readonly string[], stacked: boolean): number {
  let max = 0;
  for (const d of data) {
    const values = keys.map((k) => (typeof d[k] === "number" ? (d[k] as number) : 0));
    max = Math.max(max, stacked ? values.reduce((a, v) => a + Math.max(0, v), 0) : Math.max(0, ...values));
  }
  return max;
}

/** A month as two lines ("Nov" over "2025"): every month of a 13-month axis gets its label, even on a phone. */
function MonthTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  const [month, year] = formatMonthShort(String(payload?.value ?? "")).split(" ");
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={11} className="recharts-cartesian-axis-tick-value">
      <tspan x={x} dy="0.9em">{`${month} `}</tspan>
      <tspan x={x} dy="1.1em">{year}</tspan>
    </text>
  );
}

/** One generic time or category series chart, with a toggle legend and a table alternative. */
export function SeriesChart(props: SeriesChartProps) {
  const { data, format, linkFor } = props;
  const router = useRouter();
  const open = (href: string | null | undefined) => {
    if (href) router.push(href);
  };
  // A chart with rows behind its points says so with the pointer; the table and legend are the keyboard way.
  const clickable = linkFor ? { style: { cursor: "pointer" } } : {};
  const openDay = linkFor ? (state: { activeLabel?: unknown } | null) => open(state?.activeLabel === undefined ? null : linkFor(String(state.activeLabel))) : undefined;
  const scheme = useColorScheme();
  const searchParams = useSearchParams();
  const series = props.series.map((s) => ({ ...s, color: schemeColor(s.color, scheme) }));
  const colorOf = (key: string) => series.find((s) => s.key === key)?.color ?? "#8C8C8C";
  const [tickX, fullX] = X_FORMATS[props.xLabel] ?? [props.formatX ?? ((x: string) => x), (x: string) => x];
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const toggle = (key: string) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const visible = series.filter((s) => !hidden.has(s.key));
  const top = props.yDomain && typeof props.yDomain[1] === "number" ? props.yDomain[1] : largestValue(data, visible.map((s) => s.key), props.stacked === true);
  const ticks = niceTicks(top, 5, format === formatInteger);
  const months = props.xLabel === "Month";
  const common = { data, margin: { top: 8, right: 16, bottom: months ? 36 : 24, left: 8 } };
  // Axis and grid colours come from app/globals.css (they follow the colour scheme).
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" />
      {(props.goals ?? []).map((g) => (
        <ReferenceLine key={`goal-${g.label}`} y={g.value} stroke="#B45309" strokeDasharray="6 4" ifOverflow="extendDomain" label={{ value: g.label, position: "insideTopRight", fontSize: 11, fill: "#B45309" }} />
      ))}
      {(props.markers ?? []).map((m) => (
        // The label reads away from the nearer edge: a marker on the last day (a recompute today) is not cut off.
        <ReferenceLine key={`marker-${m.x}`} x={m.x} stroke="#8B5CF6" strokeDasharray="2 3" label={{ value: m.label, position: inLaterHalf(data, m.x) ? "insideTopRight" : "insideTopLeft", fontSize: 11, fill: "#8B5CF6" }} />
      ))}
      {props.partialX ? <ReferenceArea x1={props.partialX} x2={props.partialX} fill="#94A3B8" fillOpacity={0.25} label={{ value: "partial", position: "insideTop", fontSize: 11, fill: "#64748B" }} /> : null}
      <XAxis
        dataKey="x"
        interval={months ? 0 : "preserveEnd"}
        height={months ? 44 : 30}
        tick={months ? <MonthTick /> : { fontSize: 12 }}
        tickFormatter={months ? undefined : (x: string) => isolateText(tickX(String(x)))}
        label={{ value: props.xLabel, position: "insideBottom", offset: months ? -28 : -16, fontSize: 12 }}
      />
      <YAxis tickFormatter={props.formatTick ?? TICK_FORMATS.get(format) ?? format} domain={[props.yDomain?.[0] ?? 0, ticks.at(-1)!]} ticks={ticks} interval={0} width={72} tick={{ fontSize: 12 }} />
      <Tooltip content={(p) => <ChartTooltip active={p.active} payload={p.payload} label={p.label} formatLabel={fullX} format={format} colorOf={colorOf} />} />
    </>
  );
  const stackId = props.stacked ? "stack" : undefined;
  // One day is drawn as bars: a line or area of one point is a dot that reads as a running total.
  const kind = data.length === 1 ? "bar" : props.kind;
  let chart: React.ReactNode;
  if (kind === "bar") {
    chart = (
      <BarChart {...common}>
        {axes}
        {visible.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stackId} isAnimationActive={false} maxBarSize={64} {...clickable}
            onClick={linkFor ? (bar: { payload?: { x?: unknown } }) => open(linkFor(String(bar.payload?.x), s.key)) : undefined} />
        ))}
      </BarChart>
    );
  } else if (kind === "area") {
    chart = (
      <AreaChart {...common} {...clickable} onClick={openDay}>
        {axes}
        {visible.map((s) => (
          <Area key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} fill={s.color} fillOpacity={0.6} stackId={stackId} isAnimationActive={false} />
        ))}
      </AreaChart>
    );
  } else {
    chart = (
      <LineChart {...common} {...clickable} onClick={openDay}>
        {axes}
        {visible.map((s) => (
          <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    );
  }
  // Suggest clearing filters only where the page has some set.
  const filtered = FILTER_NAMES.some((name) => searchParams.has(name));
  return (
    <ChartCard
      title={props.title}
      description={props.description}
      testId={props.testId}
      actions={props.actions}
      chart={
        data.length === 0 ? (
          <p className="flex h-[280px] items-center justify-center text-sm text-slate-600">
            {filtered ? "No data for these filters: widen the date range or clear a filter." : "No data yet: it appears after the next ingestion run."}
          </p>
        ) : (
          <div>
            <p className="mb-1 text-xs font-medium text-slate-600" aria-hidden="true">↑ {props.yLabel}</p>
            <div className="h-[280px]" role="img" aria-label={`${props.title}: chart; switch to Table for the figures`}>
              <ResponsiveContainer width="100%" height="100%">
                {chart}
              </ResponsiveContainer>
            </div>
            <SeriesLegend series={series} hidden={hidden} onToggle={toggle} linkFor={props.legendLinkFor} />
          </div>
        )
      }
      table={<SeriesTable data={data} series={series} xLabel={props.xLabel} format={format} formatX={fullX} total={props.totalInTable} linkFor={linkFor} />}
    />
  );
}

/** Whether x lies in the later half of the chart's points. */
function inLaterHalf(data: readonly Record<string, string | number>[], x: string): boolean {
  const index = data.findIndex((p) => String(p.x) === x);
  return index >= data.length / 2;
}
