// CMK coverage and non-compliance over resources held in memory (DOMAIN.md §6.1, §6.2): the
// independent reference the SQL aggregates are tested against, and small computations.
import type { StorageResourceRecord, StorageService } from "@/lib/domain/records";
import { isCmkCovered, NON_COMPLIANT_REASONS, type NonCompliantReason } from "./compliance";

export const IN_SCOPE_SERVICES: readonly StorageService[] = ["S3", "EBS", "RDS", "AURORA"];

export type CoverageInput = Pick<StorageResourceRecord, "encryptionClass" | "sizeBytes"> & {
  nonCompliantReason: NonCompliantReason | null;
};

export interface CoverageSummary {
  resources: number;
  cmkResources: number;
  /** cmkResources ÷ resources × 100; null without resources. */
  countCoveragePct: number | null;
  /** Resources with a known size, and their bytes. */
  sizedResources: number;
  totalBytes: bigint;
  cmkBytes: bigint;
  /** cmkBytes ÷ totalBytes × 100 over known sizes; null when no byte is known. */
  storageCoveragePct: number | null;
  /** Share (%) of resources whose size is unknown, shown beside the storage coverage. */
  unknownSizePct: number | null;
  nonCompliant: number;
  nonCompliantByReason: Record<NonCompliantReason, number>;
}

/** a ÷ b × 100 for bigints, to 4 decimals, without going through lossy Number(bytes). */
function bigPercent(a: bigint, b: bigint): number {
  return Number((a * 1_000_000n) / b) / 10_000;
}

export function coverageSummary(resources: CoverageInput[]): CoverageSummary {
  let cmkResources = 0;
  let sizedResources = 0;
  let totalBytes = 0n;
  let cmkBytes = 0n;
  const nonCompliantByReason = Object.fromEntries(NON_COMPLIANT_REASONS.map((r) => [r, 0])) as Record<NonCompliantReason, number>;
  for (const resource of resources) {
    const covered = isCmkCovered(resource);
    if (covered) cmkResources += 1;
    if (resource.sizeBytes !== null) {
      sizedResources += 1;
      totalBytes += resource.sizeBytes;
      if (covered) cmkBytes += resource.sizeBytes;
    }
    if (resource.nonCompliantReason) nonCompliantByReason[resource.nonCompliantReason] += 1;
  }
  const count = resources.length;
  return {
    resources: count,
    cmkResources,
    countCoveragePct: count ? (cmkResources / count) * 100 : null,
    sizedResources,
    totalBytes,
    cmkBytes,
    storageCoveragePct: totalBytes > 0n ? bigPercent(cmkBytes, totalBytes) : null,
    unknownSizePct: count ? ((count - sizedResources) / count) * 100 : null,
    nonCompliant: Object.values(nonCompliantByReason).reduce((a, b) => a + b, 0),
    nonCompliantByReason,
  };
}
