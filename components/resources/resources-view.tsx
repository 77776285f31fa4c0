"use client";

import { FilterBar } from "@/components/filters/filter-bar";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { formatBytes, NO_VALUE } from "@/lib/domain/format";
import { NONCOMPLIANT_RESOURCES_ENDPOINT } from "@/components/hooks/queries/endpoints";
import { num, pick, str, type Row } from "@/components/hooks/queries/types";
import { dayCol, textCol } from "@/components/tables/columns";
import { ServerTable, type ServerColumn } from "@/components/tables/server-table";
import type { SortState } from "@/components/tables/table-model";

const FILTERS = ["account", "region", "bu", "env"] as const;

function sizeCol(): ServerColumn {
  const read = (r: Row) => num(pick(r, "sizeBytes"));
  const cell = (r: Row) => {
    const text = str(pick(r, "sizeBytes"));
    return /^\d+$/.test(text) ? formatBytes(BigInt(text)) : NO_VALUE;
  };
  return { id: "size", header: "Size", value: read, cell, align: "right", sortField: "size" };
}

/** sortField: the API's sort for the column (docs/api.md); a column without one is not sortable. */
export const RESOURCE_COLUMNS: readonly ServerColumn[] = [
  { ...textCol("name", "Resource", "name", "resourceArn"), sortField: "name" },
  { ...textCol("service", "Service"), sortField: "service" },
  { ...textCol("reason", "Reason", "reason", "nonCompliantReason"), sortField: "reason" },
  { ...textCol("bu", "Business unit", "businessUnit"), sortField: "bu" },
  textCol("owner", "Owner"),
  textCol("env", "Environment", "environment"),
  { ...textCol("account", "Account", "accountId"), sortField: "account" },
  textCol("region", "Region"),
  sizeCol(),
  { ...dayCol("since", "Non-compliant since", "since", "nonCompliantSince", "validFrom"), sortField: "since" },
  textCol("arn", "ARN", "resourceArn", "arn"),
];

/** The API's default: longest non-compliant first. */
export const RESOURCE_DEFAULT_SORT: SortState = { id: "since", direction: "asc" };

export function ResourcesView() {
  const { filters } = useFilters();
  return (
    <div className="space-y-4">
      <FilterBar only={FILTERS} />
      <ServerTable
        title="Non-compliant resources"
        testId="resources-table"
        endpoint={NONCOMPLIANT_RESOURCES_ENDPOINT}
        filterParams={filtersToApiParams(filters, FILTERS)}
        columns={RESOURCE_COLUMNS}
        defaultSort={RESOURCE_DEFAULT_SORT}
        rowKey={(r) => str(pick(r, "resourceArn", "arn"))}
        searchPlaceholder="Name or ARN"
        emptyMessage="No non-compliant resource for these filters."
      />
    </div>
  );
}
