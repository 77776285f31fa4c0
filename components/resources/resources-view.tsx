"use client";

import type { noncompliantResourcesEndpoint } from "@/lib/endpoints/resources/noncompliant";
import { FilterBar } from "@/components/filters/filter-bar";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { formatBytes, formatSince, NO_VALUE } from "@/lib/domain/format";
import { dayColumn, labelColumn, textColumn } from "@/components/tables/columns";
import { REASON_LABELS, STORAGE_SERVICE_LABELS } from "@/lib/domain/labels";
import { ServerTable, type RowOf, type ServerColumn } from "@/components/tables/server-table";
import type { Column, SortState } from "@/components/tables/table-model";

const FILTERS = ["account", "region", "bu", "env"] as const;

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
  { ...textColumn("name", "Resource", (r: Resource) => r.name), sortField: "name" },
  { ...labelColumn("service", "Service", (r: Resource) => r.service, STORAGE_SERVICE_LABELS), sortField: "service" },
  { ...labelColumn("reason", "Reason", (r: Resource) => r.reason, REASON_LABELS), sortField: "reason" },
  { ...textColumn("bu", "Business unit", (r: Resource) => r.businessUnit), sortField: "bu" },
  textColumn("owner", "Owner", (r) => r.owner),
  textColumn("env", "Environment", (r) => r.environment),
  { ...textColumn("account", "Account", (r: Resource) => r.accountId), sortField: "account" },
  textColumn("region", "Region", (r) => r.region),
  sizeColumn,
  { ...dayColumn("since", "Non-compliant since", (r: Resource) => r.since), cell: (r) => formatSince(r.since, r.sinceHistoryStart), sortField: "since" },
  textColumn("arn", "ARN", (r) => r.resourceArn),
];

/** The file carries the exact size in bytes, with the unit in its header (the page shows GiB/TiB). */
const RESOURCE_EXPORT_COLUMNS: readonly Column<Resource>[] = RESOURCE_COLUMNS.map((c) =>
  c.id === "size" ? { id: "size", header: "Size (bytes)", value: (r: Resource) => r.sizeBytes } : c,
);

/** The API's default: longest non-compliant first. */
export const RESOURCE_DEFAULT_SORT: SortState = { id: "since", direction: "asc" };

export function ResourcesView() {
  const { filters } = useFilters();
  return (
    <div className="space-y-4">
      <FilterBar only={FILTERS} />
      <ServerTable<typeof noncompliantResourcesEndpoint>
        title="Non-compliant resources"
        testId="resources-table"
        path="/api/resources/noncompliant"
        filterParams={filtersToApiParams(filters, FILTERS)}
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
