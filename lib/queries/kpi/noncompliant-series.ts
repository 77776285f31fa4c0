// Non-compliant resources per day, stacked by reason (DOMAIN.md §6.2), optionally split by one
// dimension (e.g. business unit) as well.
import type { Db } from "@/lib/db/client";
import type { NonCompliantReason } from "@/lib/kpi/compliance";
import { rangedRollupSeries, type RangedSeries, type RollupPoint, type RollupQuery } from "./rollup-series";
import { type Day } from "@/lib/domain/days";

export interface NonCompliantPoint {
  day: Day;
  group: string | null;
  total: number;
  byReason: Record<NonCompliantReason, number>;
}

export type NonCompliantSeries = RangedSeries<NonCompliantPoint>;

/** One rollup point as a non-compliance point. */
export const nonCompliantPoint = (p: RollupPoint, group: string | null): NonCompliantPoint => ({
  day: p.day,
  group,
  total: Object.values(p.nonCompliantByReason).reduce((a, b) => a + b, 0),
  byReason: p.nonCompliantByReason,
});

export function nonCompliantSeries(db: Db, query: Omit<RollupQuery, "from" | "to"> & { from?: Day; to?: Day }): Promise<NonCompliantSeries> {
  return rangedRollupSeries(db, query, nonCompliantPoint);
}
