import { describe, expect, it } from "vitest";
import { coverageBeforeOf, coverageOf, type Overview } from "@/components/overview/overview-figures";

const point = (day: string, counts: { resources: number; cmkResources: number; sizedResources: number; totalBytes: string; cmkBytes: string }) => ({
  day, group: null, coverageByCountPct: null, coverageByStoragePct: null, unknownSizePct: null, ...counts,
});
const reasons = { UNENCRYPTED: 1, SSE_S3: 2, AWS_MANAGED_KEY: 0, KEY_UNUSABLE: 0, UNKNOWN_KEY: 0 };

// The tiles round from the counts the API sends, as the KPI definition does (one decimal, half
// up, exact on byte totals past 2^53), whatever float the API's own percentage holds.
describe("overview tiles", () => {
  it("round coverage from the counts and carry non-compliance by reason", () => {
    const tiles = {
      coverage: point("2026-03-31", { resources: 8, cmkResources: 1, sizedResources: 6, totalBytes: "18014398509481984", cmkBytes: "9007199254740993" }),
      nonCompliant: { day: "2026-03-31", total: 3, byReason: reasons },
      coverageByBusinessUnit: [{ businessUnit: "", resources: 8, cmkResources: 1, coverageByCountPct: 12.5, totalBytes: "10", cmkBytes: "5", coverageByStoragePct: 50, unknownSizePct: 25, nonCompliant: 3, nonCompliantByReason: reasons }],
      previous: { day: "2026-03-01", coverage: null, nonCompliant: null },
    } as unknown as Overview["tiles"];
    const coverage = coverageOf(tiles)!;
    expect(coverage.day.toISOString()).toBe("2026-03-31T00:00:00.000Z");
    // 1 of 8 = 12.5 %; 2^53 + 1 of 2^54 = 50.0000…06 % → 50; 2 of 8 unsized = 25 %.
    expect(coverage.organization).toMatchObject({ coverageByCountPct: 12.5, coverageByStoragePct: 50, unknownSizePct: 25, nonCompliant: 3, nonCompliantByReason: reasons, cmkBytes: 9007199254740993n });
    expect(coverage.byBusinessUnit[0]).toMatchObject({ businessUnit: "", totalBytes: 10n, cmkBytes: 5n });
    expect(coverageBeforeOf(tiles)).toBeNull();
  });

  it("have no coverage before the first rollup, and no storage figure without a known size", () => {
    const empty = { coverage: null, nonCompliant: null, coverageByBusinessUnit: [], previous: { day: null, coverage: null, nonCompliant: null } } as unknown as Overview["tiles"];
    expect(coverageOf(empty)).toBeNull();
    const unsized = { ...empty, coverage: point("2026-03-31", { resources: 3, cmkResources: 2, sizedResources: 0, totalBytes: "0", cmkBytes: "0" }) } as unknown as Overview["tiles"];
    expect(coverageOf(unsized)!.organization).toMatchObject({ coverageByCountPct: 66.7, coverageByStoragePct: null, unknownSizePct: 100, nonCompliant: 0 });
  });
});
