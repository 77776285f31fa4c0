import Link from "next/link";
import type { ReactNode } from "react";
import type { TileChange } from "@/lib/domain/change-text";

const TONE_CLASS: Record<TileChange["tone"], string> = { better: "text-emerald-800", worse: "text-red-800", neutral: "text-slate-600" };

interface KpiTileProps {
  label: string;
  /** The figure as shown; the element carrying it gets testId so tests can read it. */
  value: string;
  testId: string;
  /** Small print under the figure: what it counts, its unit, its source. */
  hint?: ReactNode;
  /** Optional 0–100 bar under the figure (decorative: the figure says the same). */
  bar?: { pct: number | null; color: string };
  /** The change against the previous period, under the figure. */
  change?: TileChange;
  /** The rows behind the figure (issue 19 item 1): the figure becomes a link to them. */
  href?: string;
  /** A filter of the bar the figure does not follow, said on the tile (filter-note.tsx). */
  note?: ReactNode;
}

export function KpiTile({ label, value, testId, hint, bar, change, href, note }: KpiTileProps) {
  return (
    <div className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h3 className="text-sm font-medium text-slate-600">{label}</h3>
      <p className="mt-2 text-3xl font-semibold tracking-tight text-slate-900 tabular-nums" data-testid={testId}>
        {href ? (
          // The label in the link's name: "190" alone says nothing to a screen reader's link list.
          <Link href={href} aria-label={`${label}: ${value}`} className="underline decoration-slate-300 decoration-2 underline-offset-4 hover:decoration-sky-700 focus-visible:outline-2 focus-visible:outline-sky-600">
            {value}
          </Link>
        ) : (
          value
        )}
      </p>
      {change ? (
        <p className={`mt-1 text-sm font-medium tabular-nums ${TONE_CLASS[change.tone]}`} data-testid={`${testId}-change`}>
          {change.text}
        </p>
      ) : null}
      {bar ? (
        <div aria-hidden="true" className="mt-3 h-2 w-full overflow-hidden rounded-full bg-slate-200">
          <div className="h-full rounded-full" style={{ width: `${Math.min(100, Math.max(0, bar.pct ?? 0))}%`, backgroundColor: bar.color }} />
        </div>
      ) : null}
      {hint ? <div className="mt-3 text-sm leading-snug text-slate-600" data-testid={`${testId}-hint`}>{hint}</div> : null}
      {note}
    </div>
  );
}
