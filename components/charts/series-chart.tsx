"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Bdi, isolateText } from "@/components/tables/bidi";
import { ChartCard } from "./chart-card";
import type { SeriesSpec } from "./series";
import { SeriesLegend } from "./series-legend";
import { SeriesTable } from "./series-table";

export interface SeriesChartProps {
  title: string;
  description?: React.ReactNode;
  testId: string;
  kind: "line" | "bar" | "area";
  stacked?: boolean;
  data: Record<string, string | number>[];
  series: SeriesSpec[];
  /** Axis titles carry the unit: "Coverage (%)", "Cost (USD)". */
  xLabel: string;
  yLabel: string;
  format: (value: number) => string;
  formatTick?: (value: number) => string;
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

/** One generic time or category series chart, with a toggle legend and a table alternative. */
export function SeriesChart(props: SeriesChartProps) {
  const { data, series, format, formatX = (x: string) => x, linkFor } = props;
  const router = useRouter();
  const open = (href: string | null | undefined) => {
    if (href) router.push(href);
  };
  // A chart with rows behind its points says so with the pointer; the table and legend are the keyboard way.
  const clickable = linkFor ? { style: { cursor: "pointer" } } : {};
  const openDay = linkFor ? (state: { activeLabel?: unknown } | null) => open(state?.activeLabel === undefined ? null : linkFor(String(state.activeLabel))) : undefined;
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const toggle = (key: string) =>
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const visible = series.filter((s) => !hidden.has(s.key));
  const common = { data, margin: { top: 8, right: 16, bottom: 24, left: 8 } };
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#E2E8F0" />
      <XAxis dataKey="x" tickFormatter={(x: string) => isolateText(formatX(String(x)))} tick={{ fontSize: 12, fill: "#475569" }} label={{ value: props.xLabel, position: "insideBottom", offset: -16, fontSize: 12, fill: "#475569" }} />
      <YAxis
        tickFormatter={props.formatTick ?? format}
        domain={props.yDomain ?? [0, "auto"]}
        width={72}
        tick={{ fontSize: 12, fill: "#475569" }}
      />
      {/* Series names and category labels are business units, accounts, buckets: isolated (bidi.tsx). */}
      {(props.goals ?? []).map((g) => (
        <ReferenceLine key={`goal-${g.label}`} y={g.value} stroke="#B45309" strokeDasharray="6 4" ifOverflow="extendDomain" label={{ value: g.label, position: "insideTopRight", fontSize: 11, fill: "#92400E" }} />
      ))}
      {(props.markers ?? []).map((m) => (
        <ReferenceLine key={`marker-${m.x}`} x={m.x} stroke="#6D28D9" strokeDasharray="2 3" label={{ value: m.label, position: "insideTopLeft", fontSize: 11, fill: "#5B21B6" }} />
      ))}
      {props.partialX ? <ReferenceArea x1={props.partialX} x2={props.partialX} fill="#CBD5E1" fillOpacity={0.35} label={{ value: "partial", position: "insideTop", fontSize: 11, fill: "#334155" }} /> : null}
      <Tooltip
        formatter={(value, name) => [typeof value === "number" ? format(value) : String(value), <Bdi key="name">{String(name)}</Bdi>]}
        labelFormatter={(x) => <Bdi>{formatX(String(x))}</Bdi>}
      />
    </>
  );
  const stackId = props.stacked ? "stack" : undefined;
  let chart: React.ReactNode;
  if (props.kind === "bar") {
    chart = (
      <BarChart {...common}>
        {axes}
        {visible.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stackId} isAnimationActive={false} {...clickable}
            onClick={linkFor ? (bar: { payload?: { x?: unknown } }) => open(linkFor(String(bar.payload?.x), s.key)) : undefined} />
        ))}
      </BarChart>
    );
  } else if (props.kind === "area") {
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
  return (
    <ChartCard
      title={props.title}
      description={props.description}
      testId={props.testId}
      actions={props.actions}
      chart={
        data.length === 0 ? (
          <p className="flex h-[280px] items-center justify-center text-sm text-slate-600">No data for these filters: widen the date range or clear a filter.</p>
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
      table={<SeriesTable data={data} series={series} xLabel={props.xLabel} format={format} formatX={formatX} total={props.totalInTable} linkFor={linkFor} />}
    />
  );
}
