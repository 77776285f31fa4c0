"use client";

import type { filtersEndpoint } from "@/lib/endpoints/filters";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { CopyLinkButton } from "./copy-link";
import { RangePicker } from "./range-picker";
import { SavedViews } from "./saved-views";
import { useFilters } from "./use-filters";
import type { FilterName, GlobalFilters } from "./filter-params";

type Values = { businessUnits: string[]; accounts: string[]; regions: string[]; environments: string[]; services: string[] };
type Dimension = Exclude<FilterName, "from" | "to">;

const DIMENSIONS: { name: Dimension; label: string; values: keyof Values }[] = [
  { name: "bu", label: "Business unit", values: "businessUnits" },
  { name: "account", label: "Account", values: "accounts" },
  { name: "region", label: "Region", values: "regions" },
  { name: "env", label: "Environment", values: "environments" },
  { name: "service", label: "Service", values: "services" },
];

const selectClass =
  "mt-1 w-40 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200 disabled:bg-slate-100 disabled:text-slate-500";

/**
 * The global filter bar (issue 19): the same five dimensions and date range on every page, each
 * a dropdown of the values that exist for the viewer (GET /api/filters), so a value that would
 * return nothing cannot be picked. Everything lives in the URL, and the main navigation carries it
 * to the next page. `only`: the filters this page's figures follow; the others stay visible but
 * disabled, saying so, instead of disappearing and coming back on the next page.
 */
export function FilterBar({ only }: { only?: readonly FilterName[] }) {
  const { filters, setFilters, clearFilters } = useFilters();
  const values = useEndpoint<typeof filtersEndpoint>("/api/filters");
  const applies = (name: FilterName) => !only || only.includes(name);
  const active = Object.entries(filters).some(([name, value]) => value && (name === "range" || applies(name as FilterName)));
  return (
    <div aria-label="Filters" role="search" data-testid="filter-bar" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      {applies("from") ? <RangePicker /> : null}
      {DIMENSIONS.map((d) => {
        const current = filters[d.name];
        const options = values.data?.[d.values] ?? [];
        // A value from a pasted link that no longer exists stays shown (and selected) rather than vanishing.
        const shown = current && !options.includes(current) ? [current, ...options] : options;
        const enabled = applies(d.name);
        return (
          <label key={d.name} className="flex flex-col text-xs font-medium text-slate-700">
            {d.label}
            <select
              name={d.name}
              value={current ?? ""}
              disabled={!enabled}
              title={enabled ? undefined : `This page's figures are not split by ${d.label.toLowerCase()}`}
              onChange={(e) => setFilters({ [d.name]: e.target.value || undefined } as Partial<GlobalFilters>)}
              className={selectClass}
            >
              <option value="">{enabled ? "All" : "Not on this page"}</option>
              {shown.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      <div className="ml-auto flex flex-wrap items-end gap-2">
        {active ? (
          <button type="button" onClick={clearFilters} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
            Clear filters
          </button>
        ) : null}
        <CopyLinkButton />
        <SavedViews />
      </div>
    </div>
  );
}
