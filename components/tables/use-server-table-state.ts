"use client";

import { useCallback, useEffect, useMemo, useRef } from "react";
import { useFilters } from "@/components/filters/use-filters";
import { readTableState, tableStatePatch, type ServerTableState } from "./server-table-state";
import type { SortState } from "./table-model";

/**
 * A server-paged table's page, sort and search, read from and written to the URL with the global
 * filters. `fields` and `defaultSort` must be stable (module constants or memoized).
 */
export function useServerTableState(fields: readonly string[], defaultSort: SortState) {
  const { filters, searchParams } = useFilters();
  const state = useMemo(() => readTableState(new URLSearchParams(searchParams.toString()), fields, defaultSort), [searchParams, fields, defaultSort]);
  // The native history API, which Next's router follows (useSearchParams updates): a page or sort
  // change costs the one API request, not also a server render of the page as router.replace
  // would. Replace, not push, like the filters: no back-button trail per click.
  const update = useCallback(
    (patch: Partial<ServerTableState>) => {
      const params = new URLSearchParams(window.location.search);
      for (const [name, value] of Object.entries(tableStatePatch(patch, defaultSort))) {
        if (value) params.set(name, value);
        else params.delete(name);
      }
      const text = params.toString();
      window.history.replaceState(null, "", `${window.location.pathname}${text ? `?${text}` : ""}`);
    },
    [defaultSort],
  );

  // The filter bar keeps every other parameter, page included: new filters start at page 1 (page
  // 7 of the old result may not exist in the new one). A pasted link keeps its page: the ref
  // starts at the filters the page opened with.
  const filterKey = JSON.stringify(filters);
  const seenFilters = useRef(filterKey);
  useEffect(() => {
    if (seenFilters.current === filterKey) return;
    seenFilters.current = filterKey;
    if (state.page > 1) update({ page: 1 });
  }, [filterKey, state.page, update]);

  return { state, update };
}
