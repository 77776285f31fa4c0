"use client";

import { useMemo } from "react";
import { Bdi } from "@/components/tables/bidi";
import { useFilters } from "./use-filters";

/**
 * A list page's own URL filters beyond the global bar (issue 19 item 1): /keys?manager=CUSTOMER,
 * /resources?reason=SSE_S3, /findings?severity=critical. They are the API's parameters under the
 * same names, passed through as they are: a bad value gets the API's 400 naming the parameter.
 */
export interface ListFilter {
  /** The URL and API parameter. */
  param: string;
  label: string;
  /** The value as a person reads it (comma-separated values are described one by one). */
  describe?: (value: string) => string;
  /** The whole list of values as one phrase, when it has a name of its own; else each is described. */
  describeList?: (values: readonly string[]) => string | undefined;
}

/** The list filters present in the URL, as API parameters. `filters` must be stable (a module constant). */
export function useListFilterParams(filters: readonly ListFilter[]): Record<string, string> {
  const { searchParams } = useFilters();
  return useMemo(() => {
    const out: Record<string, string> = {};
    for (const { param } of filters) {
      const value = searchParams.get(param)?.trim();
      if (value) out[param] = value;
    }
    return out;
  }, [searchParams, filters]);
}

/** The active list filters as chips, each removable; nothing when none is set. */
export function ActiveListFilters({ filters }: { filters: readonly ListFilter[] }) {
  const { setParams } = useFilters();
  const active = useListFilterParams(filters);
  const shown = filters.filter((f) => active[f.param]);
  if (shown.length === 0) return null;
  // Removing a filter changes the result: back to its first page (page 3 of the old one may not exist).
  const remove = (params: string[]) => setParams(Object.fromEntries([...params.map((p) => [p, undefined]), ["page", undefined]]));
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="active-filters" aria-label="Active filters" role="group">
      <span className="font-medium text-slate-700">Showing only</span>
      {shown.map((f) => {
        const value = active[f.param]!;
        const values = value.split(",");
        const text = f.describeList?.(values) ?? values.map((v) => (f.describe ? f.describe(v) : v)).join(" or ");
        return (
          <span key={f.param} data-testid={`active-filter-${f.param}`} className="inline-flex items-center gap-1 rounded-full border border-sky-300 bg-sky-50 py-0.5 pl-3 pr-1 text-sky-900">
            {f.label}: <Bdi>{text}</Bdi>
            <button
              type="button"
              onClick={() => remove([f.param])}
              aria-label={`Remove the filter ${f.label}: ${text}`}
              className="ml-1 rounded-full px-1.5 font-semibold hover:bg-sky-100 focus-visible:outline-2 focus-visible:outline-sky-600"
            >
              ×
            </button>
          </span>
        );
      })}
      {shown.length > 1 ? (
        <button type="button" onClick={() => remove(shown.map((f) => f.param))} className="text-sky-800 underline underline-offset-2 hover:text-sky-950">
          Remove all
        </button>
      ) : null}
    </div>
  );
}
