// The overview's coverage tiles as the shared tile components take them (the showback pack passes
// the same shape from lib/reports): the percentages are rounded from the counts the API sends, as
// the KPI definition rounds them (one decimal, half up, exact on byte totals beyond 2^53).
import type { ResponseOf } from "@/lib/api/endpoint";
import { dayToDate } from "@/lib/domain/days";
import type { overviewEndpoint } from "@/lib/endpoints/overview";
import type { CoverageFigures, CoverageSummary } from "@/lib/queries/coverage-summary";
import { percentOneDecimal } from "@/lib/domain/percent";

export type Overview = ResponseOf<typeof overviewEndpoint>;
type Tiles = Overview["tiles"];
type CoveragePoint = NonNullable<Tiles["coverage"]>;
type NonCompliantTile = NonNullable<Tiles["nonCompliant"]>;

const NONE: NonCompliantTile["byReason"] = { UNENCRYPTED: 0, SSE_S3: 0, AWS_MANAGED_KEY: 0, KEY_UNUSABLE: 0, UNKNOWN_KEY: 0 };

function figuresOf(point: CoveragePoint, nonCompliant: Pick<NonCompliantTile, "total" | "byReason"> | null): CoverageFigures {
  const totalBytes = BigInt(point.totalBytes);
  const cmkBytes = BigInt(point.cmkBytes);
  return {
    resources: point.resources,
    cmkResources: point.cmkResources,
    coverageByCountPct: percentOneDecimal(point.cmkResources, point.resources),
    totalBytes,
    cmkBytes,
    coverageByStoragePct: point.sizedResources > 0 ? percentOneDecimal(cmkBytes, totalBytes) : null,
    unknownSizePct: percentOneDecimal(point.resources - point.sizedResources, point.resources),
    nonCompliant: nonCompliant?.total ?? 0,
    nonCompliantByReason: nonCompliant?.byReason ?? NONE,
  };
}

/** The latest day's coverage, organization and per business unit; null before the first rollup. */
export function coverageOf(tiles: Tiles): CoverageSummary | null {
  if (!tiles.coverage) return null;
  return {
    day: dayToDate(tiles.coverage.day),
    organization: figuresOf(tiles.coverage, tiles.nonCompliant),
    byBusinessUnit: tiles.coverageByBusinessUnit.map((row) => ({ ...row, totalBytes: BigInt(row.totalBytes), cmkBytes: BigInt(row.cmkBytes) })),
  };
}

/** The organization's coverage 30 days before the latest day (the tiles' comparison); null when not stored. */
export function coverageBeforeOf(tiles: Tiles): { day: Date; organization: CoverageFigures } | null {
  const { coverage, nonCompliant } = tiles.previous;
  return coverage ? { day: dayToDate(coverage.day), organization: figuresOf(coverage, nonCompliant) } : null;
}
