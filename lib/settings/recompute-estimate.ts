// What a settings change will recompute, in words, and roughly how long it takes - shown next to
// Save before the admin commits. Pure (no database): the page computes it from the form's changes
// and the history size GET /api/settings reports (historyRows).
import { settingsAffecting, type DerivedData } from "./invalidation";

export const DERIVED_DATA_LABELS: Record<DerivedData, string> = {
  resourceDims: "business unit, environment, classification, application and owner of every resource and key, over the whole history",
  compliance: "which resources require a CMK, non-compliance and coverage, over the whole history",
  keyFindings: "key findings and time to provision",
  savings: "savings estimates (computed when read)",
  costModel: "modeled cost per key (computed when read)",
  costs: "the monthly cost rollup",
};

// Rough throughput, history rows per second, on the 2-core machine the suite runs on: the
// dims/compliance pass rewrites every resource and key version and the daily rollups over the
// history (the slow one); findings read the key versions; the cost rollup reads cost rows.
// savings and costModel are computed when read and cost nothing to recompute. An order of
// magnitude, not a promise: it tells "instant" from "a few minutes", nothing finer.
const ROWS_PER_SECOND: Record<DerivedData, number> = {
  resourceDims: 5_000,
  compliance: 5_000,
  keyFindings: 50_000,
  savings: Number.POSITIVE_INFINITY,
  costModel: Number.POSITIVE_INFINITY,
  costs: 50_000,
};

export interface RecomputeEstimate {
  recomputed: DerivedData[];
  /** Rough seconds the recompute the save queues takes; 0 when nothing stored is rebuilt. */
  seconds: number;
}

/** What saving these changed settings recomputes over a history of `historyRows` rows. */
export function estimateRecompute(changedKeys: Iterable<string>, historyRows: number): RecomputeEstimate {
  const recomputed = settingsAffecting(changedKeys);
  // dims and compliance run as one pass (recompute.ts), so count it once.
  const passes = recomputed.filter((d) => d !== "compliance" || !recomputed.includes("resourceDims"));
  const seconds = passes.reduce((sum, d) => sum + historyRows / ROWS_PER_SECOND[d], 0);
  return { recomputed, seconds };
}

/** "under a second", "about 40 seconds", "about 3 minutes". */
export function describeDuration(seconds: number): string {
  if (seconds < 1) return "under a second";
  if (seconds < 90) return `about ${Math.round(seconds)} second${Math.round(seconds) === 1 ? "" : "s"}`;
  return `about ${Math.round(seconds / 60)} minutes`;
}
