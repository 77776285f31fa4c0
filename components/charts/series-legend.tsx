"use client";

import Link from "next/link";
import { Bdi } from "@/components/tables/bidi";
import type { SeriesSpec } from "./series";

/** A legend of toggle buttons: keyboard reachable, state announced with aria-pressed. */
export function SeriesLegend({ series, hidden, onToggle, linkFor }: { series: readonly SeriesSpec[]; hidden: ReadonlySet<string>; onToggle: (key: string) => void; linkFor?: (key: string) => string | null }) {
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
            {/* The rows behind the series (issue 19 item 1), beside the toggle. */}
            {linkFor?.(s.key) ? (
              <Link href={linkFor(s.key)!} aria-label={`${s.label}: show the rows`} className="text-sky-800 underline underline-offset-2 hover:text-sky-950">
                rows
              </Link>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
