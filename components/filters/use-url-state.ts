"use client";

import { useCallback } from "react";
import { useFilters } from "./use-filters";

/**
 * One choice of the view (cost grouping, allocation method, compare) kept in the URL, so a copied
 * link or a saved view reopens it. The default is left out of the link (equal views, equal links);
 * an unknown value reads as the default.
 */
export function useUrlChoice<T extends string>(name: string, allowed: readonly T[], fallback: T): [T, (value: T) => void] {
  const { searchParams, setParams } = useFilters();
  const raw = searchParams.get(name);
  const value = raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : fallback;
  const set = useCallback((next: T) => setParams({ [name]: next === fallback ? undefined : next }), [setParams, name, fallback]);
  return [value, set];
}

/** The charts shown as tables, as ?table=<chart test id>,<...> (chart-card.tsx). */
export function useChartView(chartId: string): ["chart" | "table", (view: "chart" | "table") => void] {
  const { searchParams, setParams } = useFilters();
  const tables = (searchParams.get("table") ?? "").split(",").filter(Boolean);
  const set = useCallback(
    (view: "chart" | "table") => {
      const rest = tables.filter((t) => t !== chartId);
      setParams({ table: (view === "table" ? [...rest, chartId] : rest).join(",") || undefined });
    },
    [tables, chartId, setParams],
  );
  return [tables.includes(chartId) ? "table" : "chart", set];
}
