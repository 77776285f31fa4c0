"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { FILTER_NAMES, parseFilters, type GlobalFilters } from "./filter-params";

/**
 * The page's global filters, read from and written to the URL. Writing replaces the history entry
 * (no back-button trail per keystroke) and keeps every non-filter parameter (tab, sort).
 */
export function useFilters() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const parsed = useMemo(() => parseFilters(new URLSearchParams(searchParams.toString())), [searchParams]);

  const setParams = useCallback(
    (patch: Record<string, string | undefined>) => {
      const params = new URLSearchParams(searchParams.toString());
      for (const [name, value] of Object.entries(patch)) {
        if (value) params.set(name, value);
        else params.delete(name);
      }
      const text = params.toString();
      router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
    },
    [searchParams, router, pathname],
  );

  const setFilters = useCallback((patch: Partial<GlobalFilters>) => setParams(patch), [setParams]);

  const clearFilters = useCallback(
    () => setParams(Object.fromEntries(FILTER_NAMES.map((n) => [n, undefined]))),
    [setParams],
  );

  return { filters: parsed.filters, problems: parsed.problems, setFilters, clearFilters, setParams, searchParams };
}
