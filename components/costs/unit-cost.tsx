"use client";

// KMS cost per TiB of CMK-protected storage, per business unit and month (GET /api/costs/unit-cost):
// a line per BU (its Table view gives the figures), then every figure behind it with CSV: the net
// cost the chargeback bills, the month's average CMK storage, the share of unknown size.
import { useMemo } from "react";
import { formatPercent, formatUsd, NO_VALUE } from "@/lib/domain/format";
import { namedSeries, pivot } from "@/components/charts/series";
import { SeriesChart } from "@/components/charts/series-chart";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { DataTable } from "@/components/tables/data-table";
import { QueryBoundary } from "@/components/tables/states";
import type { Column } from "@/components/tables/table-model";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { unitCostEndpoint } from "@/lib/endpoints/costs/unit-cost";

type UnitCostRow = ResponseOf<typeof unitCostEndpoint>["rows"][number];

const monthOf = (r: UnitCostRow) => r.month.slice(0, 7);
const usdOrNoData = (v: number | null) => (v === null ? NO_VALUE : formatUsd(v));

const COLUMNS: Column<UnitCostRow>[] = [
  { id: "month", header: "Month", value: monthOf, searchable: false },
  { id: "bu", header: "Business unit", value: (r) => r.businessUnit },
  { id: "cost", header: "Net cost (USD)", value: (r) => r.cost, align: "right", searchable: false, cell: (r) => formatUsd(r.cost) },
  { id: "cmkTiB", header: "Average CMK storage (TiB)", value: (r) => r.cmkTiB, align: "right", searchable: false, cell: (r) => r.cmkTiB.toFixed(3) },
  { id: "unknownSize", header: "Unknown size (% of resources)", value: (r) => r.unknownSizePct, align: "right", searchable: false, cell: (r) => formatPercent(r.unknownSizePct) },
  { id: "costPerTiB", header: "Cost per TiB (USD)", value: (r) => r.costPerTiB, align: "right", searchable: false, cell: (r) => usdOrNoData(r.costPerTiB) },
  { id: "source", header: "Source", value: (r) => r.sourceLabel },
];

export function UnitCost() {
  const { filters } = useFilters();
  const query = useEndpoint<typeof unitCostEndpoint>("/api/costs/unit-cost", filtersToApiParams(filters, ["from", "to", "account", "region", "bu"]));
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">KMS cost per TiB of CMK-protected storage</h2>
      <p className="text-sm text-slate-600">
        Net KMS cost of the business unit (usage plus an imported bill&rsquo;s credits, tax and corrections: what the chargeback bills) ÷ its storage encrypted with
        customer managed keys, averaged over the month&rsquo;s days with inventory data (resources of known size; TiB = 2<sup>40</sup> bytes). No CMK storage: no data.
      </p>
      <QueryBoundary query={query} label="Loading KMS cost per TiB">
        {(data) => <UnitCostFigures rows={data.rows} />}
      </QueryBoundary>
    </section>
  );
}

function UnitCostFigures({ rows }: { rows: UnitCostRow[] }) {
  // Months without CMK storage stay absent from a line ("—" in its table), never plotted as $0.
  const { data, seriesNames } = useMemo(() => pivot(rows.filter((r) => r.costPerTiB !== null), monthOf, (r) => r.businessUnit, (r) => r.costPerTiB!), [rows]);
  return (
    <>
      <SeriesChart title="KMS cost per TiB of CMK storage by month" description="USD per TiB-month, per business unit; the running month is month to date" testId="chart-unit-cost" kind="line"
        data={data} series={namedSeries(seriesNames)} xLabel="Month" yLabel="Cost per TiB (USD)" format={formatUsd} />
      <DataTable title="KMS cost per TiB of CMK storage by business unit and month" rows={rows} columns={COLUMNS} testId="unit-cost-table"
        rowKey={(r) => `${r.month}|${r.businessUnit}`} emptyMessage="No KMS cost for these filters." />
    </>
  );
}
