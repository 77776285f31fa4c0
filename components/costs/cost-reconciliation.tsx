"use client";

import { formatUsd, NO_VALUE } from "@/lib/domain/format";
import { filtersToApiParams, type GlobalFilters } from "@/components/filters/filter-params";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { ApiTable } from "@/components/tables/api-table";
import { textColumn, usdColumn } from "@/components/tables/columns";
import type { Column } from "@/components/tables/table-model";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { costReconciliationEndpoint, ReconciliationStatus } from "@/lib/endpoints/costs/reconciliation";

// Bill vs Cost Explorer per month and BU (GET /api/costs/reconciliation): usage on both sides,
// the difference in USD and in % of Cost Explorer; a month only one source holds says so.
const STATUS_LABELS: Record<ReconciliationStatus, string> = { both: "bill and Cost Explorer", billOnly: "bill only", costExplorerOnly: "Cost Explorer only" };

type Reconciliation = ResponseOf<typeof costReconciliationEndpoint>;
/** The fields a month row and a month × BU row share. */
type Compared = Reconciliation["months"][number] | BuMonth;
type BuMonth = Reconciliation["rows"][number];

const pctCol: Column<Compared> = {
  id: "differencePct",
  header: "Difference (%)",
  value: (r) => r.differencePct,
  align: "right",
  searchable: false,
  cell: (r) => (r.differencePct === null ? NO_VALUE : `${r.differencePct.toFixed(1)} %`),
};
const statusCol: Column<Compared> = { id: "status", header: "Sources", value: (r) => STATUS_LABELS[r.status] };
const monthCol = textColumn("month", "Month", (r: Compared) => r.month);
const usageCols = [usdColumn("bill", "Bill usage (USD)", (r: Compared) => r.bill), usdColumn("costExplorer", "Cost Explorer (USD)", (r: Compared) => r.costExplorer), usdColumn("difference", "Difference (USD)", (r: Compared) => r.difference), pctCol];

export function CostReconciliation({ filters }: { filters: GlobalFilters }) {
  const query = useEndpoint<typeof costReconciliationEndpoint>("/api/costs/reconciliation", filtersToApiParams(filters, ["from", "to", "bu"]));
  return (
    <section aria-labelledby="reconciliation-heading" className="space-y-2" data-testid="reconciliation">
      <h2 id="reconciliation-heading" className="text-lg font-semibold">Reconciliation: bill vs Cost Explorer</h2>
      <p className="text-sm text-slate-600">
        Usage only on both sides (like for like): the bill&apos;s credits, tax and corrections are listed apart. Difference = bill − Cost Explorer;
        % of Cost Explorer. &quot;{NO_VALUE}&quot; is a month the source does not hold, not {formatUsd(0)}.
      </p>
      <ApiTable query={query} title="Reconciliation by month" testId="reconciliation-months" rowKey={["month"]} select={(data): readonly Compared[] => data.months}
        columns={[monthCol, statusCol, ...usageCols]} />
      <ApiTable query={query} title="Reconciliation by month and business unit" testId="reconciliation-table" rowKey={["month", "businessUnit"]} select={(data): readonly BuMonth[] => data.rows}
        columns={[monthCol, textColumn("businessUnit", "Business unit", (r: BuMonth) => r.businessUnit), statusCol, ...usageCols, usdColumn("billOtherCharges", "Bill credits, tax, corrections (USD)", (r: BuMonth) => r.billOtherCharges)]} />
    </section>
  );
}
