"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { formatUsd } from "@/lib/domain/format";
import { num, str, type Row } from "@/components/hooks/queries/types";
import { ApiTable } from "@/components/tables/api-table";
import { countCol, textCol, usdCol } from "@/components/tables/columns";
import type { Column } from "@/components/tables/table-model";

// Billed vs modeled per business unit (API /api/costs/modeled), each side like for like: key
// storage over the whole month, requests over the days with per-key data only. A blank request
// comparison means no day of the month has per-key data: nothing to compare, not zero.

/** The `side` object of a row ("keyStorage" or "requests"); undefined when the API has none. */
const sideOf = (r: Row, side: string) => (r[side] ?? undefined) as Row | undefined;

function comparisonCols(side: string, label: string, billedHeader: string): Column<Row>[] {
  const read = (r: Row, field: string) => num(sideOf(r, side)?.[field]);
  const variance = (r: Row) => (sideOf(r, side)?.variance ?? undefined) as Row | undefined;
  const percent = (r: Row) => num(variance(r)?.percent);
  const dash = (v: number | null, shown: (n: number) => string) => (v === null ? "—" : shown(v));
  return [
    { ...usdCol(`${side}Billed`, billedHeader), value: (r) => read(r, "billed"), cell: (r) => dash(read(r, "billed"), formatUsd) },
    { ...usdCol(`${side}Modeled`, `${label} modeled (USD)`), value: (r) => read(r, "modeled"), cell: (r) => dash(read(r, "modeled"), formatUsd) },
    { ...usdCol(`${side}Variance`, `${label} variance (USD)`), value: (r) => num(variance(r)?.absolute), cell: (r) => dash(num(variance(r)?.absolute), formatUsd) },
    { ...usdCol(`${side}VariancePct`, `${label} variance (%)`), value: percent, cell: (r) => dash(percent(r), (v) => `${v.toFixed(1)}%`) },
  ];
}

/** "14 of 28 days (2026-02-15 to 2026-02-28)": what the request comparison covers. */
function requestDaysText(data: unknown): string {
  const days = ((data as Row | undefined)?.requestDays ?? null) as Row | null;
  if (!days) return "";
  if (!num(days.covered)) return "No day of this month has per-key request data: requests are not compared.";
  return `Requests compared on the ${str(days.covered)} of ${str(days.period)} days with per-key data (${str(days.from)} to ${str(days.to)}); requests billed on other days are in the month's billed total only.`;
}

export function BilledVsModeled({ query }: { query: UseQueryResult<unknown> }) {
  const month = str((query.data as Row | undefined)?.month);
  return (
    <>
      <h2 className="text-lg font-semibold">Billed vs modeled{month ? `, ${month}` : ""}</h2>
      <p className="text-sm text-slate-600">
        Key storage: billed KMS-Keys usage (key-months and rotation surcharge) vs modeled key-months × price + rotation surcharge, over the whole month.
        Requests: billed KMS-Requests usage vs modeled requests × price, on the same days. Variance = modeled − billed; the free tier is not modeled.
      </p>
      <p className="text-sm text-slate-600" data-testid="modeled-request-days">{requestDaysText(query.data)}</p>
      <p className="text-sm text-slate-600" data-testid="modeled-cost-source">Billed side: Source: {str(((query.data as Row | undefined)?.costSource as Row | null | undefined)?.label) || "no cost data"} (usage only).</p>
      <ApiTable query={query} title="Billed vs modeled cost by business unit" testId="modeled-table" rowKey={["businessUnit"]}
        select={(data) => ((data as Row).byBusinessUnit as Row[] | undefined) ?? []}
        columns={[
          textCol("bu", "Business unit", "businessUnit"),
          ...comparisonCols("keyStorage", "Key storage", "Key storage billed (USD)"),
          ...comparisonCols("requests", "Requests", "Requests billed, same days (USD)"),
          countCol("noData", "Keys without request data", "keysWithoutRequestData"),
          usdCol("billedTotal", "Billed, whole month (USD)", "billedTotal"),
        ]}
        emptyMessage="No modeled cost for this month." />
    </>
  );
}
