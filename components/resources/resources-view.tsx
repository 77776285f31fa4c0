"use client";

import type { noncompliantResourcesEndpoint } from "@/lib/endpoints/resources/noncompliant";
import type { resourcesEndpoint } from "@/lib/endpoints/resources/list";
import { FilterBar } from "@/components/filters/filter-bar";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { useUrlChoice } from "@/components/filters/use-url-state";
import { ActiveListFilters, useListFilterParams } from "@/components/filters/list-filters";
import { IN_SCOPE_LIST_FILTERS, NONCOMPLIANT_LIST_FILTERS } from "./resource-list-filters";
import { ServerTable } from "@/components/tables/server-table";
import { IN_SCOPE_COLUMNS, IN_SCOPE_DEFAULT_SORT, NONCOMPLIANT_COLUMNS, NONCOMPLIANT_DEFAULT_SORT, exportColumns } from "./resource-columns";

const FILTERS = ["account", "region", "bu", "env", "service"] as const;

/** Which list: the non-compliant resources (the page's first question), or every in-scope one. */
export const RESOURCE_VIEWS = [
  { value: "noncompliant", label: "Non-compliant resources" },
  { value: "all", label: "Every in-scope resource, by encryption" },
] as const;
type ResourceView = (typeof RESOURCE_VIEWS)[number]["value"];

const NONCOMPLIANT_EXPORT = exportColumns(NONCOMPLIANT_COLUMNS);
const IN_SCOPE_EXPORT = exportColumns(IN_SCOPE_COLUMNS);

export function ResourcesView() {
  const { filters, setParams } = useFilters();
  const [view] = useUrlChoice<ResourceView>("view", RESOURCE_VIEWS.map((v) => v.value), "noncompliant");
  const listFilterSet = view === "all" ? IN_SCOPE_LIST_FILTERS : NONCOMPLIANT_LIST_FILTERS;
  const listFilters = useListFilterParams(listFilterSet);
  // What both lists take alike; each names its endpoint, columns and default order.
  const shared = { testId: "resources-table", filterParams: { ...filtersToApiParams(filters, FILTERS), ...listFilters }, rowKey: (r: { resourceArn: string }) => r.resourceArn, searchPlaceholder: "Name or ARN" };
  // Another list: its own filters, sort and first page (a reason means nothing to the other list).
  const choose = (next: ResourceView) =>
    setParams({ view: next === "noncompliant" ? undefined : next, page: undefined, sort: undefined, reason: undefined, encryption: undefined, compliance: undefined });
  return (
    <div className="space-y-4">
      <FilterBar only={FILTERS} />
      <fieldset className="flex flex-wrap items-center gap-4 text-sm" data-testid="resource-view">
        <legend className="mr-2 inline font-medium text-slate-700">Show</legend>
        {RESOURCE_VIEWS.map((v) => (
          <label key={v.value} className="flex items-center gap-2">
            <input type="radio" name="resource-view" value={v.value} checked={view === v.value} onChange={() => choose(v.value)} />
            {v.label}
          </label>
        ))}
      </fieldset>
      <ActiveListFilters filters={listFilterSet} />
      {view === "all" ? (
        <ServerTable<typeof resourcesEndpoint> key="all" {...shared} title="In-scope resources" path="/api/resources"
          columns={IN_SCOPE_COLUMNS} exportColumns={IN_SCOPE_EXPORT} defaultSort={IN_SCOPE_DEFAULT_SORT} emptyMessage="No in-scope resource for these filters." />
      ) : (
        <ServerTable<typeof noncompliantResourcesEndpoint> key="noncompliant" {...shared} title="Non-compliant resources" path="/api/resources/noncompliant"
          columns={NONCOMPLIANT_COLUMNS} exportColumns={NONCOMPLIANT_EXPORT} defaultSort={NONCOMPLIANT_DEFAULT_SORT} emptyMessage="No non-compliant resource for these filters." />
      )}
    </div>
  );
}
