import { toDay } from "@/lib/domain/days";

/**
 * The days of a chart on which a settings recompute finished (GET /api/settings `recomputes`,
 * newest first, ISO times), each once, in the chart's order: one marker per day.
 */
export function recomputeDays(recomputes: readonly string[], days: readonly string[]): string[] {
  const finished = new Set(recomputes.map((at) => toDay(new Date(at))));
  return [...new Set(days)].filter((day) => finished.has(day));
}
