"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { NO_VALUE } from "@/lib/domain/format";
import { ApiTable } from "@/components/tables/api-table";
import { countColumn, textColumn, usdColumn } from "@/components/tables/columns";
import type { Column } from "@/components/tables/table-model";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { modeledCostEndpoint } from "@/lib/endpoints/costs/modeled";
import { TableTotals } from "./table-totals";

// Billed vs modeled per business unit (API /api/costs/modeled), each side like for like: key
// storage over the whole month, requests over the days with per-key data only. A blank request
// comparison means no day of the month has per-key data: nothing to compare, not zero.

type ModeledCost = ResponseOf<typeof modeledCostEndpoint>;
type BuRow = ModeledCost["byBusinessUnit"][number];
type Side = "keyStorage" | "requests";

// A side without a comparison (requests: null) shows "—" in each of its columns.
function comparisonCols(side: Side, label: string, billedHeader: string): Column<BuRow>[] {
  const percent = (r: BuRow) => r[side]?.variance?.percent ?? null;
  return [
    usdColumn(`${side}Billed`, billedHeader, (r: BuRow) => r[side]?.billed ?? null),
    usdColumn(`${side}Modeled`, `${label} modeled (USD)`, (r: BuRow) => r[side]?.modeled ?? null),
    usdColumn(`${side}Variance`, `${label} variance (USD)`, (r: BuRow) => r[side]?.variance?.absolute ?? null),
    { ...usdColumn(`${side}VariancePct`, `${label} variance (%)`, percent), cell: (r) => (percent(r) === null ? NO_VALUE : `${percent(r)!.toFixed(1)}%`) },
  ];
}

/** "14 of 28 days (2026-02-15 to 2026-02-28)": what the request comparison covers. */
function requestDaysText(days: ModeledCost["requestDays"] | undefined): string {
  if (!days) return "";
  if (!days.covered) return "No day of this month has per-key request data: requests are not compared.";
  return `Requests compared on the ${days.covered} of ${days.period} days with per-key data (${days.from ?? ""} to ${days.to ?? ""}); requests billed on other days are in the month's billed total only.`;
}

/** A month before the first inventory snapshot: the modeled side is no data (—), not $0.00 at −100 %. */
function ModeledCoverage({ answer }: { answer: ModeledCost | undefined }) {
  if (!answer?.period || (answer.inventoryFrom !== null && answer.inventoryFrom <= answer.period.start)) return null;
  return (
    <p className="text-sm text-amber-800" data-testid="modeled-no-inventory">
      No modeled cost for this month: {answer.inventoryFrom ? `the key inventory starts on ${answer.inventoryFrom}` : "no key inventory is stored"}, so there is nothing to model (no data, not $0.00).
    </p>
  );
}

export function BilledVsModeled({ query }: { query: UseQueryResult<ModeledCost> }) {
  const month = query.data?.month;
  return (
    <>
      <h2 className="text-lg font-semibold">Billed vs modeled{month ? `, ${month}` : ""}</h2>
      <p className="text-sm text-slate-600">
        Key storage: billed KMS-Keys usage (key-months and rotation surcharge) vs modeled key-months × price + rotation surcharge, over the whole month.
        Requests: billed KMS-Requests usage vs modeled requests × price, on the same days. Variance = modeled − billed; the free tier is not modeled.
      </p>
      <p className="text-sm text-slate-600" data-testid="modeled-request-days">{requestDaysText(query.data?.requestDays)}</p>
      <ModeledCoverage answer={query.data} />
      <p className="text-sm text-slate-600" data-testid="modeled-cost-source">Billed side: Source: {query.data?.costSource?.label || "no cost data"} (usage only).</p>
      <ApiTable query={query} title="Billed vs modeled cost by business unit" testId="modeled-table" rowKey={["businessUnit"]}
        select={(data) => data.byBusinessUnit}
        columns={[
          textColumn("bu", "Business unit", (r: BuRow) => r.businessUnit),
          ...comparisonCols("keyStorage", "Key storage", "Key storage billed (USD)"),
          ...comparisonCols("requests", "Requests", "Requests billed, same days (USD)"),
          countColumn("noData", "Keys without request data", (r: BuRow) => r.keysWithoutRequestData),
          usdColumn("billedTotal", "Billed, whole month (USD)", (r: BuRow) => r.billedTotal),
        ]}
        emptyMessage="No modeled cost for this month." />
      {query.data?.byBusinessUnit.length ? (
        <TableTotals title="Totals of billed vs modeled cost" rows={query.data.byBusinessUnit} testId="modeled-table-totals" columns={[
          { header: "Key storage billed (USD)", value: (r) => r.keyStorage.billed },
          { header: "Key storage modeled (USD)", value: (r) => r.keyStorage.modeled },
          { header: "Requests billed, same days (USD)", value: (r) => r.requests?.billed ?? null },
          { header: "Requests modeled (USD)", value: (r) => r.requests?.modeled ?? null },
          { header: "Billed, whole month (USD)", value: (r) => r.billedTotal },
        ]} />
      ) : null}
    </>
  );
}
