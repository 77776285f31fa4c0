"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
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

  // The query of a replace not yet committed. useSearchParams changes only when the navigation
  // commits, so two changes in a row (clear the manager, then pick a finding) built the second
  // from the stale query and put the cleared value back; each change starts from the last one asked.
  // Cleared once that query is shown, and on another page (a link may have superseded the replace).
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === searchParams.toString()) pending.current = null;
  }, [searchParams]);
  useEffect(() => {
    pending.current = null;
  }, [pathname]);

  const setParams = useCallback(
    (patch: Record<string, string | undefined>) => {
      const params = new URLSearchParams(pending.current ?? searchParams.toString());
      for (const [name, value] of Object.entries(patch)) {
        if (value) params.set(name, value);
        else params.delete(name);
      }
      const text = params.toString();
      pending.current = text === searchParams.toString() ? null : text;
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
