"use client";

import type { findingsEndpoint } from "@/lib/endpoints/findings";
import { FilterBar } from "@/components/filters/filter-bar";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { ActiveListFilters, useListFilterParams, type ListFilter } from "@/components/filters/list-filters";
import { useFilters } from "@/components/filters/use-filters";
import { ServerTable } from "@/components/tables/server-table";
import type { SortState } from "@/components/tables/table-model";
import { FINDING_COLUMNS, FINDING_EXPORT_COLUMNS } from "./finding-columns";
import { FindingsSummary } from "./findings-summary";

const FILTERS = ["account", "region", "bu", "env"] as const;

/** The findings page's own URL filters (GET /api/findings parameters): /findings?severity=critical,high&code=PUBLIC_POLICY. */
export const FINDING_LIST_FILTERS: readonly ListFilter[] = [
  { param: "severity", label: "Severity" },
  { param: "code", label: "Finding" },
];

/** The API's default: worst first. */
const DEFAULT_SORT: SortState = { id: "severity", direction: "asc" };

export function FindingsView() {
  const { filters } = useFilters();
  const listFilters = useListFilterParams(FINDING_LIST_FILTERS);
  const params = { ...filtersToApiParams(filters, FILTERS), ...listFilters };
  return (
    <div className="space-y-4">
      <FilterBar only={FILTERS} />
      <ActiveListFilters filters={FINDING_LIST_FILTERS} />
      <FindingsSummary params={params} />
      <ServerTable<typeof findingsEndpoint>
        title="Key findings"
        testId="findings-table"
        path="/api/findings"
        filterParams={params}
        columns={FINDING_COLUMNS}
        exportColumns={FINDING_EXPORT_COLUMNS}
        defaultSort={DEFAULT_SORT}
        rowKey={(f) => `${f.keyArn}|${f.code}`}
        searchPlaceholder="Alias, ARN or key id"
        note={() => "Since: the first day of the current unbroken stretch in which the finding holds, from the inventory history."}
        emptyMessage="No finding for these filters: clear a filter to see more."
      />
    </div>
  );
}
