"use client";

import { formatInteger, formatUsd, NO_VALUE } from "@/lib/domain/format";
import type { KeyDetail } from "./key-detail-view";
import { TableScroll } from "@/components/tables/table-scroll";

// The key's cost in the key list's terms (API `cost`, lib/queries/kpi/key-cost.ts): the request
// cost billed on the days with per-key data, the model over exactly those days, and the modeled
// storage + rotation per month. Unknown is "no data", never $0.

type KeyCost = KeyDetail["cost"];

const usd = (value: number | null) => (value === null ? "no data" : formatUsd(value));

function Figure({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">
        <span className="font-semibold tabular-nums">{value}</span>
        {detail ? <span className="block text-xs text-slate-600">{detail}</span> : null}
      </dd>
    </div>
  );
}

export function KeyCostSection({ cost }: { cost: KeyCost }) {
  const { window, modeled, modeledMonthly: monthly, requests } = cost;
  const days = window ? `${window.daysWithData} day(s) with per-key data between ${window.from} and ${window.to}` : "no per-key Cost Explorer data";
  return (
    <section data-testid="key-cost" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="mb-3 text-base font-semibold text-slate-900">Cost</h2>
      <dl className="grid gap-3 md:grid-cols-3">
        <Figure testId="key-cost-billed" label="Request cost, billed" value={usd(cost.billedRequestCost)}
          detail={`Requests only, ${days}${requests === null ? "" : `: ${formatInteger(requests)} requests`}`} />
        <Figure testId="key-cost-modeled" label="Modeled, same days" value={modeled ? usd(modeled.total) : NO_VALUE}
          detail={modeled ? `Key storage ${usd(modeled.keyCost)} + rotation ${usd(modeled.rotationCost)} + requests ${usd(modeled.requestCost)}${modeled.requestCost === null ? " (not included)" : ""}` : undefined} />
        <Figure testId="key-cost-monthly" label="Key storage + rotation, modeled per month" value={usd(monthly.total)}
          detail={`Key-month ${usd(monthly.keyCost)} + rotation surcharge ${usd(monthly.rotationCost)}, in the key's current state`} />
      </dl>
      <BillMonths months={cost.bill} />
    </section>
  );
}

/** The key's own lines of the imported bill (ResourceId = the key ARN), by month: usage only. */
function BillMonths({ months }: { months: KeyCost["bill"] }) {
  if (months.length === 0) return <p data-testid="key-cost-bill-none" className="mt-3 text-xs text-slate-600">No imported bill has this key: the figures above come from Cost Explorer and the price model.</p>;
  return (
    <div className="mt-4">
      <h3 className="mb-1 text-sm font-semibold text-slate-800">From the imported bill (this key&apos;s lines, usage only)</h3>
      <TableScroll>
      <table data-testid="key-cost-bill" className="min-w-full text-sm">
        <thead className="text-left text-xs text-slate-600">
          <tr><th className="py-1 pr-3">Month</th><th className="pr-3">Source</th><th className="pr-3 text-right">Storage + rotation</th><th className="pr-3 text-right">Requests</th><th className="pr-3 text-right">Request count</th><th className="text-right">Total</th></tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month} className="border-t border-slate-100 tabular-nums">
              <td className="py-1 pr-3">{m.month.slice(0, 7)}</td>
              <td className="pr-3">bill ({m.billStatus ?? "provisional"})</td>
              <td className="pr-3 text-right">{usd(m.storageAndRotation)}</td>
              <td className="pr-3 text-right">{usd(m.requests)}</td>
              <td className="pr-3 text-right">{formatInteger(m.requestCount)}</td>
              <td className="text-right">{usd(m.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
    </div>
  );
}
