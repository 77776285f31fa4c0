"use client";

import { Bdi } from "@/components/tables/bidi";
import type { SeriesSpec } from "./series";

/** A legend of toggle buttons: keyboard reachable, state announced with aria-pressed. */
export function SeriesLegend({ series, hidden, onToggle }: { series: readonly SeriesSpec[]; hidden: ReadonlySet<string>; onToggle: (key: string) => void }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs" aria-label="Legend: click a series to hide or show it">
      {series.map((s) => {
        const off = hidden.has(s.key);
        return (
          <li key={s.key}>
            <button
              type="button"
              aria-pressed={!off}
              onClick={() => onToggle(s.key)}
              className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 focus-visible:outline-2 focus-visible:outline-sky-600 ${off ? "text-slate-400 line-through" : "text-slate-700 hover:bg-slate-100"}`}
            >
              <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: off ? "#CBD5E1" : s.color }} />
              <Bdi>{s.label}</Bdi>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
