import { weekdayOf } from "./days";
import type { KeyPlan } from "./model";
import { unitNoise } from "./random";

/**
 * Requests to the key on `day`: its usual volume, quieter at weekends, ±15% day-to-day noise.
 * Zero before creation, once the key stopped being used, and after deletion. A pure function of
 * (key, day), so costs and per-key volumes agree without storing anything.
 */
export function requestsOn(plan: KeyPlan, day: number): number {
  if (plan.dailyRequests <= 0 || day < plan.createdIdx) return 0;
  if (plan.activeUntil !== null && day >= plan.activeUntil) return 0;
  if (plan.deletedIdx !== null && day >= plan.deletedIdx) return 0;
  const weekend = weekdayOf(day) >= 5 ? 0.65 : 1;
  const noise = 0.85 + 0.3 * unitNoise(plan.noiseSeed, day);
  return Math.round(plan.dailyRequests * weekend * noise);
}
