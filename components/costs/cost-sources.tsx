import type { CostsByBu } from "./cost-rows";

// Where each month's figures come from (GET /api/costs/by-bu `sources`): the imported bill, final
// or provisional (the current month until the export says final), or Cost Explorer.
export function CostSources({ sources }: { sources: CostsByBu["sources"] }) {
  if (sources.length === 0) return null;
  return (
    <div data-testid="cost-sources" className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
      <p className="font-medium text-slate-800">Source per month</p>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-slate-700">
        {sources.map((s) => (
          <li key={s.month} data-testid="cost-source-month" data-month={s.month.slice(0, 7)}>
            <span className="font-medium tabular-nums">{s.month.slice(0, 7)}</span>: Source: {s.label}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-slate-600">
        Usage columns hold usage only. The bill&apos;s credits, tax and refunds/corrections are shown in their own columns; Net adds them.
      </p>
    </div>
  );
}
