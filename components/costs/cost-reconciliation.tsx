"use client";

import { formatUsd, NO_VALUE } from "@/lib/domain/format";
import { filtersToApiParams, type GlobalFilters } from "@/components/filters/filter-params";
import { useCostReconciliationQuery } from "@/components/hooks/queries/endpoints";
import { num, str, type Row } from "@/components/hooks/queries/types";
import { ApiTable } from "@/components/tables/api-table";
import { textCol, usdCol } from "@/components/tables/columns";
import type { Column } from "@/components/tables/table-model";

// Bill vs Cost Explorer per month and BU (GET /api/costs/reconciliation): usage on both sides,
// the difference in USD and in % of Cost Explorer; a month only one source holds says so.
const STATUS_LABELS: Record<string, string> = { both: "bill and Cost Explorer", billOnly: "bill only", costExplorerOnly: "Cost Explorer only" };

const pctCol: Column<Row> = {
  id: "differencePct",
  header: "Difference (%)",
  value: (r) => num(r.differencePct),
  align: "right",
  searchable: false,
  cell: (r) => (num(r.differencePct) === null ? NO_VALUE : `${num(r.differencePct)!.toFixed(1)} %`),
};
const statusCol: Column<Row> = { id: "status", header: "Sources", value: (r) => STATUS_LABELS[str(r.status)] ?? str(r.status) };
const monthCol = textCol("month", "Month", "month");

export function CostReconciliation({ filters }: { filters: GlobalFilters }) {
  const query = useCostReconciliationQuery(filtersToApiParams(filters, ["from", "to", "bu"]));
  return (
    <section aria-labelledby="reconciliation-heading" className="space-y-2" data-testid="reconciliation">
      <h2 id="reconciliation-heading" className="text-lg font-semibold">Reconciliation: bill vs Cost Explorer</h2>
      <p className="text-sm text-slate-600">
        Usage only on both sides (like for like): the bill&apos;s credits, tax and corrections are listed apart. Difference = bill − Cost Explorer;
        % of Cost Explorer. &quot;{NO_VALUE}&quot; is a month the source does not hold, not {formatUsd(0)}.
      </p>
      <ApiTable query={query} title="Reconciliation by month" testId="reconciliation-months" rowKey={["month"]} select={(d) => ((d as Row).months ?? []) as Row[]}
        columns={[monthCol, statusCol, usdCol("bill", "Bill usage (USD)", "bill"), usdCol("costExplorer", "Cost Explorer (USD)", "costExplorer"), usdCol("difference", "Difference (USD)", "difference"), pctCol]} />
      <ApiTable query={query} title="Reconciliation by month and business unit" testId="reconciliation-table" rowKey={["month", "businessUnit"]}
        columns={[monthCol, textCol("businessUnit", "Business unit", "businessUnit"), statusCol, usdCol("bill", "Bill usage (USD)", "bill"), usdCol("costExplorer", "Cost Explorer (USD)", "costExplorer"),
          usdCol("difference", "Difference (USD)", "difference"), pctCol, usdCol("billOtherCharges", "Bill credits, tax, corrections (USD)", "billOtherCharges")]} />
    </section>
  );
}
