// Non-compliant resources per day, stacked by reason (DOMAIN.md §6.2), optionally split by one
// dimension (e.g. business unit) as well.
import { buLabel } from "@/lib/api/params";
import type { Db } from "@/lib/db/client";
import type { NonCompliantReason } from "@/lib/kpi/compliance";
import type { Day } from "@/lib/store/types";
import { latestCoverageDay, resolveRange } from "./as-of";
import { rollupSeries, rollupTableFor, type RollupQuery } from "./rollup-series";

export interface NonCompliantPoint {
  day: Day;
  group: string | null;
  total: number;
  byReason: Record<NonCompliantReason, number>;
}

export interface NonCompliantSeries {
  from: Day | null;
  to: Day | null;
  source: "coverage_bu_daily" | "coverage_interval";
  points: NonCompliantPoint[];
}

export async function nonCompliantSeries(
  db: Db,
  query: Omit<RollupQuery, "from" | "to"> & { from?: Day; to?: Day },
): Promise<NonCompliantSeries> {
  const source = rollupTableFor(query);
  const range = resolveRange(query, await latestCoverageDay(db), 30);
  if (!range) return { from: null, to: null, source, points: [] };
  const points = await rollupSeries(db, { ...query, ...range });
  return {
    ...range,
    source,
    points: points.map((p) => ({
      day: p.day,
      group: p.group === null ? null : query.groupBy === "bu" ? buLabel(p.group) : p.group,
      total: Object.values(p.nonCompliantByReason).reduce((a, b) => a + b, 0),
      byReason: p.nonCompliantByReason,
    })),
  };
}
