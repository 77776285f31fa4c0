import type { SourceSpan } from "@/lib/queries/freshness";
import { dayToDate } from "@/lib/domain/days";
import { formatDay, formatInteger } from "@/lib/domain/format";

/**
 * "Costs: Nov 20, 2026" beside "Inventory: Dec 5, 2026": each source says up to which day it holds
 * data, so a cost figure is never read as being as fresh as the inventory; a source without data
 * says "no data" (with the reason when the source gave one), never a date or a zero.
 */
export function sourceAsOfText(s: SourceSpan): string {
  if (!s.through) return s.note ? `no data (${s.note})` : "no data";
  const through = formatDay(dayToDate(s.through));
  return s.days === null ? through : `${through} (${formatInteger(s.days)} ${s.days === 1 ? "day" : "days"})`;
}

export function SourceFreshness({ sources }: { sources: readonly SourceSpan[] }) {
  return (
    <ul className="text-slate-700" data-testid="source-freshness" aria-label="Data as of, per source">
      {sources.filter((s) => s.source !== "inventory").map((s) => (
        <li key={s.source} data-testid={`as-of-${s.source}`}>
          {s.label}: {s.through ? <time dateTime={s.through} className="font-semibold text-slate-900">{sourceAsOfText(s)}</time> : <span className="font-semibold text-amber-800">{sourceAsOfText(s)}</span>}
        </li>
      ))}
    </ul>
  );
}
