/** What the tooltip reads of recharts' payload entries. */
type Payload = readonly { dataKey?: unknown; name?: unknown; value?: unknown }[];
import { Bdi } from "@/components/tables/bidi";

/** One tooltip row: the series' name and value, its colour only as a swatch. */
export interface TooltipRow {
  key: string;
  name: string;
  value: number;
  color: string;
}

/** Largest first, so the eye lands on what matters; ties keep the series order. */
export function tooltipRows(payload: Payload, colorOf: (key: string) => string): TooltipRow[] {
  return payload
    .filter((p) => typeof p.value === "number")
    .map((p, index) => ({ key: String(p.dataKey), name: String(p.name), value: p.value as number, color: colorOf(String(p.dataKey)), index }))
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .map(({ index: _index, ...row }) => row);
}

/**
 * The tooltip of every series chart. Text is the page's text colour on the page's card colour
 * (both follow the colour scheme): a series colour is never text, as yellow or sky blue on white
 * cannot be read. Names are shown whole (a bucket name is the point of the tooltip), isolated
 * for bidi (bidi.tsx).
 */
export function ChartTooltip({ active, payload, label, formatLabel, format, colorOf }: { active?: boolean; payload?: Payload; label?: string | number; formatLabel: (x: string) => string; format: (n: number) => string; colorOf: (key: string) => string }) {
  if (!active || !payload?.length) return null;
  const rows = tooltipRows(payload, colorOf);
  return (
    <div data-testid="chart-tooltip" className="max-w-sm rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-lg">
      <p className="mb-1 font-semibold break-all"><Bdi>{formatLabel(String(label))}</Bdi></p>
      <ul className="space-y-0.5">
        {rows.map((r) => (
          <li key={r.key} className="flex items-baseline gap-2" data-testid="chart-tooltip-row">
            <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ backgroundColor: r.color }} />
            <span className="break-all"><Bdi>{r.name}</Bdi></span>
            <span className="ml-auto pl-3 tabular-nums">{format(r.value)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
