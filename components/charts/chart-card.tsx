"use client";

import { useId, type ReactNode } from "react";
import { useChartView } from "@/components/filters/use-url-state";

interface ChartCardProps {
  title: string;
  /** What is counted and in which unit, under the title. */
  description?: ReactNode;
  testId: string;
  /** The chart itself. */
  chart: ReactNode;
  /** The same figures as a table (the accessible alternative, and what a person can copy). */
  table: ReactNode;
  /** Controls to the right of the view switch (e.g. a measure toggle). */
  actions?: ReactNode;
}

/** A titled card showing a chart or, on request, the table of the same numbers. */
export function ChartCard({ title, description, testId, chart, table, actions }: ChartCardProps) {
  // In the URL (?table=<testId>): a link or saved view reopens the chart as the table it showed.
  const [view, setView] = useChartView(testId);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid={testId} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
        </div>
        <div className="flex items-center gap-2">
          {actions}
          <div role="group" aria-label={`${title}: view as`} className="inline-flex overflow-hidden rounded-md border border-slate-300 text-sm">
            {(["chart", "table"] as const).map((v) => (
              <button
                key={v}
                type="button"
                aria-pressed={view === v}
                onClick={() => setView(v)}
                className={`px-2.5 py-1 capitalize focus-visible:outline-2 focus-visible:outline-sky-600 ${view === v ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
              >
                {v}
              </button>
            ))}
          </div>
        </div>
      </div>
      <div className="mt-3 min-h-[280px]">{view === "chart" ? chart : <TableRegion title={title}>{table}</TableRegion>}</div>
    </section>
  );
}

/**
 * The table view scrolls inside the card: focusable, so a keyboard can scroll it even when no
 * cell holds a link (axe: scrollable-region-focusable), and named for the screen reader.
 */
function TableRegion({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={`${title}: table`} tabIndex={0} className="max-h-[340px] overflow-auto focus-visible:outline-2 focus-visible:outline-sky-600">
      {children}
    </div>
  );
}
