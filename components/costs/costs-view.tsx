"use client";

import { useMemo } from "react";
import { formatUsd } from "@/lib/domain/format";
import { namedSeries } from "@/components/charts/series";
import { SeriesChart } from "@/components/charts/series-chart";
import { semanticColors } from "@/components/charts/palette";
import { FilterBar } from "@/components/filters/filter-bar";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { useUrlChoice } from "@/components/filters/use-url-state";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { ApiTable } from "@/components/tables/api-table";
import { textColumn, usdColumn } from "@/components/tables/columns";
import { QueryBoundary } from "@/components/tables/states";
import type { Column } from "@/components/tables/table-model";
import type { costsByBuEndpoint } from "@/lib/endpoints/costs/by-bu";
import type { modeledCostEndpoint } from "@/lib/endpoints/costs/modeled";
import type { CostRow } from "./cost-rows";
import { BilledVsModeled } from "./billed-vs-modeled";
import { CostReconciliation } from "./cost-reconciliation";
import { CostSources } from "./cost-sources";
import { ChargebackDownload } from "./chargeback-download";
import { UnitCost } from "./unit-cost";
import { modeledMonth } from "./finance-period";
import { SHOWBACK_TOTALS } from "./showback-totals";
import { TableTotals } from "./table-totals";
import { COST_GROUPINGS, costByMonth, groupingLabel, monthOf, type CostGrouping } from "./cost-rows";

/** "bill (final)", "bill (provisional)" or "Cost Explorer", as the API names the row's source. */
const sourceCol: Column<CostRow> = {
  id: "source",
  header: "Source",
  value: (r) => (r.costSource === "Bill" ? `bill (${r.billStatus ?? "provisional"})` : "Cost Explorer"),
};

export function CostsView() {
  const { filters } = useFilters();
  const [groupBy, setGroupBy] = useUrlChoice<CostGrouping>("group", COST_GROUPINGS.map((g) => g.value), "bu");
  const label = groupingLabel(groupBy);
  const costs = useEndpoint<typeof costsByBuEndpoint>("/api/costs/by-bu", { ...filtersToApiParams(filters, ["from", "to", "account", "region", "bu"]), granularity: "month", groupBy });
  // Billed vs modeled follows the page's date range: its last month (the API takes one month).
  const modeled = useEndpoint<typeof modeledCostEndpoint>("/api/costs/modeled", { ...filtersToApiParams(filters, ["bu"]), ...modeledMonth(filters) });
  return (
    <div className="space-y-6">
      <FilterBar only={["from", "to", "account", "region", "bu"]} />
      <fieldset className="flex flex-wrap items-center gap-4 text-sm" data-testid="cost-grouping">
        <legend className="mr-2 inline font-medium text-slate-700">Show cost per</legend>
        {COST_GROUPINGS.map((g) => (
          <label key={g.value} className="flex items-center gap-2">
            <input type="radio" name="cost-grouping" value={g.value} checked={groupBy === g.value} onChange={() => setGroupBy(g.value)} />
            {g.label}
          </label>
        ))}
      </fieldset>
      <QueryBoundary query={costs} label="Loading KMS cost">
        {(data) => (
          <>
            <TagKeyChangeNote change={data.businessUnitTagKeyChange} />
            <CostSources sources={data.sources} />
            <CostCharts rows={data.rows} label={label} />
          </>
        )}
      </QueryBoundary>
      <UnitCost />
      <ChargebackDownload filters={filters} />
      <h2 className="text-lg font-semibold">Showback rows</h2>
      <ApiTable query={costs} select={(data) => data.rows} title={`KMS cost by ${label.toLowerCase()} and month`} testId="costs-table" rowKey={["period", "group"]}
        columns={[textColumn("month", "Month", (r: CostRow) => r.period), textColumn("group", label, (r: CostRow) => r.group), usdColumn("keys", "Key storage (USD)", (r: CostRow) => r.keys), usdColumn("requests", "Requests (USD)", (r: CostRow) => r.requests), usdColumn("other", "Other (USD)", (r: CostRow) => r.other), usdColumn("total", "Usage total (USD)", (r: CostRow) => r.total),
          usdColumn("credits", "Credits (USD)", (r: CostRow) => r.credits), usdColumn("tax", "Tax (USD)", (r: CostRow) => r.tax), usdColumn("corrections", "Refunds/corrections (USD)", (r: CostRow) => r.corrections),
          usdColumn("adjustments", "Other adjustments (USD)", (r: CostRow) => r.adjustments), usdColumn("net", "Net: usage + credits, tax, corrections (USD)", (r: CostRow) => r.net),
          sourceCol]} />
      {costs.data ? <TableTotals title={`Totals of KMS cost by ${label.toLowerCase()} and month`} rows={costs.data.rows} columns={SHOWBACK_TOTALS} testId="costs-table-totals" /> : null}
      <BilledVsModeled query={modeled} />
      <CostReconciliation filters={filters} />
    </div>
  );
}

function CostCharts({ rows, label }: { rows: readonly CostRow[]; label: string }) {
  const { data, seriesNames } = useMemo(() => costByMonth(rows), [rows]);
  const split = useMemo(() => {
    const byMonth = new Map<string, { x: string; keys: number; requests: number }>();
    for (const r of rows) {
      const m = byMonth.get(monthOf(r)) ?? { x: monthOf(r), keys: 0, requests: 0 };
      m.keys += r.keys;
      m.requests += r.requests;
      byMonth.set(m.x, m);
    }
    return [...byMonth.values()].sort((a, b) => a.x.localeCompare(b.x));
  }, [rows]);
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <SeriesChart title={`KMS cost per ${label.toLowerCase()} by month`} description="Usage, USD, each month from its source (the bill where imported, Cost Explorer otherwise); untagged cost shown as (untagged)" testId="chart-cost-by-group" kind="bar" stacked
        data={data} series={namedSeries(seriesNames)} xLabel="Month" yLabel="Cost (USD)" format={formatUsd} totalInTable />
      <SeriesChart title="Key storage vs requests" description="USD per month" testId="chart-cost-split" kind="bar" stacked data={split}
        series={[{ key: "keys", label: "Key storage", color: semanticColors.keys }, { key: "requests", label: "Requests", color: semanticColors.requests }]} xLabel="Month" yLabel="Cost (USD)" format={formatUsd} totalInTable />
    </div>
  );
}

/** Cost rows fetched before the business-unit tag key changed keep the old key's grouping. */
function TagKeyChangeNote({ change }: { change: { key: string; since: string } | null }) {
  if (!change) return null;
  return (
    <p className="text-sm text-amber-800" data-testid="bu-tag-key-change">
      Business units by tag key <code>{change.key}</code> from {change.since}; cost before that day is grouped by the previous key.
    </p>
  );
}
