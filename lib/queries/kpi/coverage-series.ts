// CMK coverage per day (DOMAIN.md §6.1): by count, by storage over known sizes, and the share of
// resources of unknown size shown beside it; for the organization or split by one dimension.
import type { Db } from "@/lib/db/client";
import { rangedRollupSeries, type RangedSeries, type RollupCounts, type RollupPoint, type RollupQuery } from "./rollup-series";
import { type Day } from "@/lib/domain/days";

export interface CoveragePoint {
  day: Day;
  /** The groupBy value (BU "" shown as "(untagged)"); null without groupBy. */
  group: string | null;
  resources: number;
  cmkResources: number;
  /** cmkResources ÷ resources × 100; null without resources. */
  coverageByCountPct: number | null;
  sizedResources: number;
  totalBytes: bigint;
  cmkBytes: bigint;
  /** cmkBytes ÷ totalBytes × 100 over resources of known size; null when no size is known. */
  coverageByStoragePct: number | null;
  /** Resources of unknown size ÷ resources × 100. */
  unknownSizePct: number | null;
}

export type CoverageSeries = RangedSeries<CoveragePoint>;

/** a ÷ b × 100 on bigints, 4 decimals, without converting byte totals to lossy numbers first. */
export function bigPercent(a: bigint, b: bigint): number | null {
  return b > 0n ? Number((a * 1_000_000n) / b) / 10_000 : null;
}

export function coverageFigures(counts: RollupCounts) {
  const { resources, cmkResources, sizedResources, totalBytes, cmkBytes } = counts;
  return {
    resources,
    cmkResources,
    coverageByCountPct: resources ? (cmkResources / resources) * 100 : null,
    sizedResources,
    totalBytes,
    cmkBytes,
    coverageByStoragePct: bigPercent(cmkBytes, totalBytes),
    unknownSizePct: resources ? ((resources - sizedResources) / resources) * 100 : null,
  };
}

/** One rollup point as a coverage point. */
export const coveragePoint = (p: RollupPoint, group: string | null): CoveragePoint => ({ day: p.day, group, ...coverageFigures(p) });

export function coverageSeries(db: Db, query: Omit<RollupQuery, "from" | "to"> & { from?: Day; to?: Day }): Promise<CoverageSeries> {
  return rangedRollupSeries(db, query, coveragePoint);
}
