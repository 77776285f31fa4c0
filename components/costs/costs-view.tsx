"use client";

import { useMemo, useState } from "react";
import { formatUsd } from "@/lib/domain/format";
import { namedSeries } from "@/components/charts/series";
import { SeriesChart } from "@/components/charts/series-chart";
import { semanticColors } from "@/components/charts/palette";
import { FilterBar } from "@/components/filters/filter-bar";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { useCostsByBuQuery, useModeledCostsQuery } from "@/components/hooks/queries/endpoints";
import { num, pick, rowsOf, str, type Row } from "@/components/hooks/queries/types";
import { ApiTable } from "@/components/tables/api-table";
import { textCol, usdCol } from "@/components/tables/columns";
import { QueryBoundary } from "@/components/tables/states";
import type { Column } from "@/components/tables/table-model";
import { BilledVsModeled } from "./billed-vs-modeled";
import { CostReconciliation } from "./cost-reconciliation";
import { CostSources } from "./cost-sources";
import { ChargebackDownload } from "./chargeback-download";
import { COST_GROUPINGS, costByMonth, groupingLabel, monthOf, type CostGrouping } from "./cost-rows";

/** "bill (final)", "bill (provisional)" or "Cost Explorer", as the API names the row's source. */
const sourceCol: Column<Row> = {
  id: "source",
  header: "Source",
  value: (r) => (str(r.costSource) === "Bill" ? `bill (${str(r.billStatus) || "provisional"})` : "Cost Explorer"),
};

export function CostsView() {
  const { filters } = useFilters();
  const [groupBy, setGroupBy] = useState<CostGrouping>("bu");
  const label = groupingLabel(groupBy);
  const costs = useCostsByBuQuery({ ...filtersToApiParams(filters, ["from", "to", "account", "region", "bu"]), granularity: "month", groupBy });
  const modeled = useModeledCostsQuery(filtersToApiParams(filters, ["bu"]));
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
            <TagKeyChangeNote change={(data as Row).businessUnitTagKeyChange as { key: string; since: string } | null | undefined} />
            <CostSources sources={((data as Row).sources ?? []) as Row[]} />
            <CostCharts rows={rowsOf<Row>(data)} groupBy="group" label={label} />
          </>
        )}
      </QueryBoundary>
      <ChargebackDownload filters={filters} />
      <h2 className="text-lg font-semibold">Showback rows</h2>
      <ApiTable query={costs} title={`KMS cost by ${label.toLowerCase()} and month`} testId="costs-table" rowKey={["period", "group", "businessUnit"]}
        columns={[textCol("month", "Month", "period"), textCol("group", label, "group", "businessUnit"), usdCol("keys", "Key storage (USD)", "keys"), usdCol("requests", "Requests (USD)", "requests"), usdCol("other", "Other (USD)", "other"), usdCol("total", "Usage total (USD)", "total"),
          usdCol("credits", "Credits (USD)", "credits"), usdCol("tax", "Tax (USD)", "tax"), usdCol("corrections", "Refunds/corrections (USD)", "corrections"),
          usdCol("adjustments", "Other adjustments (USD)", "adjustments"), usdCol("net", "Net: usage + credits, tax, corrections (USD)", "net"),
          sourceCol]} />
      <BilledVsModeled query={modeled} />
      <CostReconciliation filters={filters} />
    </div>
  );
}

function CostCharts({ rows, groupBy, label }: { rows: Row[]; groupBy: string; label: string }) {
  const { data, seriesNames } = useMemo(() => costByMonth(rows, groupBy), [rows, groupBy]);
  const split = useMemo(() => {
    const byMonth = new Map<string, { x: string; keys: number; requests: number }>();
    for (const r of rows) {
      const m = byMonth.get(monthOf(r)) ?? { x: monthOf(r), keys: 0, requests: 0 };
      m.keys += num(pick(r, "keys", "storage", "keyCost")) ?? 0;
      m.requests += num(pick(r, "requests", "requestCost")) ?? 0;
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
function TagKeyChangeNote({ change }: { change: { key: string; since: string } | null | undefined }) {
  if (!change) return null;
  return (
    <p className="text-sm text-amber-800" data-testid="bu-tag-key-change">
      Business units by tag key <code>{change.key}</code> from {change.since}; cost before that day is grouped by the previous key.
    </p>
  );
}
