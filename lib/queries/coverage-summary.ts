import type { Db } from "@/lib/db/client";
import type { NonCompliantReason } from "@/generated/prisma/enums";
import { percentOneDecimal } from "@/lib/domain/percent";
import { dayToDate, type Day } from "@/lib/domain/days";
import type { DimensionFilters } from "@/lib/domain/dimensions";
import { rollupSeries, rollupTableFor } from "./kpi/rollup-series";

/** One business unit's counts on one day, as coverage_bu_daily stores them. */
export interface CoverageCounts {
  resources: number;
  cmkResources: number;
  sizedResources: number;
  totalBytes: bigint;
  cmkBytes: bigint;
  ncUnencrypted: number;
  ncSseS3: number;
  ncAwsManagedKey: number;
  ncKeyUnusable: number;
  ncUnknownKey: number;
}

export interface CoverageFigures {
  resources: number;
  cmkResources: number;
  /** cmkResources / resources × 100, one decimal; null without resources. */
  coverageByCountPct: number | null;
  totalBytes: bigint;
  cmkBytes: bigint;
  /** cmkBytes / totalBytes × 100 over resources with a known size; null when none is sized. */
  coverageByStoragePct: number | null;
  /** Resources whose size is unknown, as a share of all resources (shown beside by-storage). */
  unknownSizePct: number | null;
  nonCompliant: number;
  nonCompliantByReason: Record<NonCompliantReason, number>;
}

export interface CoverageSummary {
  /** The latest day with coverage rows (UTC midnight). */
  day: Date;
  organization: CoverageFigures;
  /** Per business unit, "" = untagged, worst coverage by count first. */
  byBusinessUnit: Array<{ businessUnit: string } & CoverageFigures>;
}

export function coverageFigures(rows: CoverageCounts[]): CoverageFigures {
  const sum = (pick: (r: CoverageCounts) => number) => rows.reduce((acc, r) => acc + pick(r), 0);
  const sumBig = (pick: (r: CoverageCounts) => bigint) => rows.reduce((acc, r) => acc + pick(r), 0n);
  const resources = sum((r) => r.resources);
  const cmkResources = sum((r) => r.cmkResources);
  const sizedResources = sum((r) => r.sizedResources);
  const totalBytes = sumBig((r) => r.totalBytes);
  const cmkBytes = sumBig((r) => r.cmkBytes);
  const nonCompliantByReason: Record<NonCompliantReason, number> = {
    UNENCRYPTED: sum((r) => r.ncUnencrypted),
    SSE_S3: sum((r) => r.ncSseS3),
    AWS_MANAGED_KEY: sum((r) => r.ncAwsManagedKey),
    KEY_UNUSABLE: sum((r) => r.ncKeyUnusable),
    UNKNOWN_KEY: sum((r) => r.ncUnknownKey),
  };
  return {
    resources,
    cmkResources,
    coverageByCountPct: percentOneDecimal(cmkResources, resources),
    totalBytes,
    cmkBytes,
    coverageByStoragePct: sizedResources > 0 ? percentOneDecimal(cmkBytes, totalBytes) : null,
    unknownSizePct: percentOneDecimal(resources - sizedResources, resources),
    nonCompliant: Object.values(nonCompliantByReason).reduce((a, b) => a + b, 0),
    nonCompliantByReason,
  };
}

/** One row per business unit, worst coverage by count first. */
function perBusinessUnit(rows: (CoverageCounts & { businessUnit: string })[]): CoverageSummary["byBusinessUnit"] {
  return rows
    .map((row) => ({ businessUnit: row.businessUnit, ...coverageFigures([row]) }))
    .sort(
      (a, b) =>
        (a.coverageByCountPct ?? 101) - (b.coverageByCountPct ?? 101) || a.businessUnit.localeCompare(b.businessUnit),
    );
}

/** Coverage of the whole organization (or of the BUs `bu`) and per business unit on one day (the overview's latest, the showback pack's month end); per BU worst coverage by count first. */
export async function getCoverageSummaryOn(client: Db, day: Date, bu?: string[]): Promise<CoverageSummary> {
  const rows = await client.coverageBuDaily.findMany({ where: { day, ...(bu ? { businessUnit: { in: bu } } : {}) } });
  return { day, organization: coverageFigures(rows), byBusinessUnit: perBusinessUnit(rows) };
}

/**
 * Per business unit on one day under any dimension filters: from coverage_bu_daily when only the
 * business unit is filtered (one row per BU), else from coverage_interval (the full grain).
 */
export async function coverageByBusinessUnitOn(client: Db, day: Day, filters: DimensionFilters): Promise<CoverageSummary["byBusinessUnit"]> {
  if (rollupTableFor({ filters }) === "coverage_bu_daily") return (await getCoverageSummaryOn(client, dayToDate(day), filters.bu)).byBusinessUnit;
  const points = await rollupSeries(client, { from: day, to: day, filters, groupBy: "bu" });
  return perBusinessUnit(
    points.map((p) => ({
      businessUnit: p.group ?? "",
      resources: p.resources, cmkResources: p.cmkResources, sizedResources: p.sizedResources, totalBytes: p.totalBytes, cmkBytes: p.cmkBytes,
      ncUnencrypted: p.nonCompliantByReason.UNENCRYPTED, ncSseS3: p.nonCompliantByReason.SSE_S3, ncAwsManagedKey: p.nonCompliantByReason.AWS_MANAGED_KEY,
      ncKeyUnusable: p.nonCompliantByReason.KEY_UNUSABLE, ncUnknownKey: p.nonCompliantByReason.UNKNOWN_KEY,
    })),
  );
}

/** The organization's figures on one day; null when that day has no coverage rows. */
export async function getOrganizationCoverageOn(client: Db, day: Date, bu?: string[]): Promise<{ day: Date; organization: CoverageFigures } | null> {
  const rows = await client.coverageBuDaily.findMany({ where: { day, ...(bu ? { businessUnit: { in: bu } } : {}) } });
  return rows.length ? { day, organization: coverageFigures(rows) } : null;
}
