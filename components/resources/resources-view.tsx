"use client";

import type { noncompliantResourcesEndpoint } from "@/lib/endpoints/resources/noncompliant";
import { FilterBar } from "@/components/filters/filter-bar";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { ActiveListFilters, useListFilterParams } from "@/components/filters/list-filters";
import { RESOURCE_LIST_FILTERS } from "./resource-list-filters";
import { formatBytes, formatSince, NO_VALUE } from "@/lib/domain/format";
import { arnExportColumn, dayColumn, labelColumn, resourceNameColumn, textColumn } from "@/components/tables/columns";
import { REASON_LABELS, STORAGE_SERVICE_LABELS } from "@/lib/domain/labels";
import { ServerTable, type RowOf, type ServerColumn } from "@/components/tables/server-table";
import { ResourceKeyCell } from "@/components/keys/key-link";
import type { Column, SortState } from "@/components/tables/table-model";

const FILTERS = ["account", "region", "bu", "env", "service"] as const;

type Resource = RowOf<typeof noncompliantResourcesEndpoint>;

/** Sizes travel as decimal strings (bigints); null when unknown. */
const sizeColumn: ServerColumn<Resource> = {
  id: "size",
  header: "Size",
  value: (r) => (r.sizeBytes === null ? null : Number(r.sizeBytes)),
  cell: (r) => (r.sizeBytes === null ? NO_VALUE : formatBytes(BigInt(r.sizeBytes))),
  align: "right",
  sortField: "size",
};

/** sortField: the API's sort for the column (docs/api.md); a column without one is not sortable. */
export const RESOURCE_COLUMNS: readonly ServerColumn<Resource>[] = [
  // The name, its ARN on hover and copy (ARNs made rows four lines tall); the ARN stays in the CSV.
  { ...resourceNameColumn("name", "Resource", (r: Resource) => r.name, (r) => r.resourceArn), sortField: "name" },
  { ...labelColumn("service", "Service", (r: Resource) => r.service, STORAGE_SERVICE_LABELS), sortField: "service" },
  { ...labelColumn("reason", "Reason", (r: Resource) => r.reason, REASON_LABELS), sortField: "reason" },
  { ...textColumn("bu", "Business unit", (r: Resource) => r.businessUnit), sortField: "bu" },
  // Priorities (hideBelow): what a narrow window drops first; the CSV keeps every column.
  { ...textColumn("owner", "Owner", (r: Resource) => r.owner), hideBelow: "2xl" },
  { ...textColumn("env", "Environment", (r: Resource) => r.environment), hideBelow: "2xl" },
  { ...textColumn("account", "Account", (r: Resource) => r.accountId), sortField: "account", hideBelow: "lg", nowrap: true },
  { ...textColumn("region", "Region", (r: Resource) => r.region), hideBelow: "md", nowrap: true },
  sizeColumn,
  // Onward to the key behind the reason (an AWS managed or unusable key).
  { id: "key", header: "Key", value: (r) => r.keyArn, cell: (r) => <ResourceKeyCell keyArn={r.keyArn} reason={r.reason} /> },
  { ...dayColumn("since", "Non-compliant since", (r: Resource) => r.since), cell: (r) => formatSince(r.since, r.sinceHistoryStart), sortField: "since" },
  arnExportColumn("arn", (r: Resource) => r.resourceArn),
];

/** The file carries the exact size in bytes, with the unit in its header (the page shows GiB/TiB). */
const RESOURCE_EXPORT_COLUMNS: readonly Column<Resource>[] = RESOURCE_COLUMNS.map((c) =>
  c.id === "size" ? { id: "size", header: "Size (bytes)", value: (r: Resource) => r.sizeBytes } : c,
);

/** The API's default: longest non-compliant first. */
export const RESOURCE_DEFAULT_SORT: SortState = { id: "since", direction: "asc" };

export function ResourcesView() {
  const { filters } = useFilters();
  const listFilters = useListFilterParams(RESOURCE_LIST_FILTERS);
  return (
    <div className="space-y-4">
      <FilterBar only={FILTERS} />
      <ActiveListFilters filters={RESOURCE_LIST_FILTERS} />
      <ServerTable<typeof noncompliantResourcesEndpoint>
        title="Non-compliant resources"
        testId="resources-table"
        path="/api/resources/noncompliant"
        filterParams={{ ...filtersToApiParams(filters, FILTERS), ...listFilters }}
        columns={RESOURCE_COLUMNS}
        exportColumns={RESOURCE_EXPORT_COLUMNS}
        defaultSort={RESOURCE_DEFAULT_SORT}
        rowKey={(r) => r.resourceArn}
        searchPlaceholder="Name or ARN"
        emptyMessage="No non-compliant resource for these filters."
      />
    </div>
  );
}
