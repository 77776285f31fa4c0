"use client";

import { useSearchParams } from "next/navigation";
import { filtersToSearch, parseFilters } from "./filter-params";

/**
 * The query string the main navigation appends to its links: the global filters and range only
 * (a page's own state, its sort or table toggles, stays behind), so moving between pages keeps
 * the business unit, account, region, environment, service and date range the person picked.
 */
export function useCarriedQuery(): string {
  const params = useSearchParams();
  return filtersToSearch(parseFilters(new URLSearchParams(params.toString())).filters);
}
