import { toDay } from "@/lib/domain/days";
import type { DerivedData } from "@/lib/settings/invalidation";

/** What the coverage and non-compliance charts are made of: their per-BU cuts and the policy's verdicts. */
export const COVERAGE_HISTORY: readonly DerivedData[] = ["resourceDims", "compliance"];

/**
 * The days of a chart on which a settings recompute of what it shows finished (GET /api/settings
 * `recomputes`, newest first, ISO times), each once, in the chart's order: one marker per day. A
 * recompute of key findings alone leaves a coverage chart's history as it was: no marker there.
 */
export function recomputeDays(
  recomputes: readonly { finishedAt: string; recomputed: readonly string[] }[],
  days: readonly string[],
  shows: readonly DerivedData[],
): string[] {
  const finished = new Set(recomputes.filter((r) => r.recomputed.some((d) => (shows as readonly string[]).includes(d))).map((r) => toDay(new Date(r.finishedAt))));
  return [...new Set(days)].filter((day) => finished.has(day));
}
