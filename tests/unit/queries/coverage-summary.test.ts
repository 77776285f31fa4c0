import { describe, expect, it } from "vitest";
import { coverageFigures, type CoverageCounts } from "@/lib/queries/coverage-summary";

const GIB = 1024n ** 3n;

function counts(partial: Partial<CoverageCounts>): CoverageCounts {
  return {
    resources: 0,
    cmkResources: 0,
    sizedResources: 0,
    totalBytes: 0n,
    cmkBytes: 0n,
    ncUnencrypted: 0,
    ncSseS3: 0,
    ncAwsManagedKey: 0,
    ncKeyUnusable: 0,
    ncUnknownKey: 0,
    ...partial,
  };
}

describe("coverageFigures", () => {
  it("adds business units before dividing (not an average of percentages)", () => {
    // payments: 9 of 10 on a CMK; analytics: 1 of 30. Org: 10 of 40 = 25.0 % (the mean of
    // 90 % and 3.3 % would be 46.7 %).
    const payments = counts({ resources: 10, cmkResources: 9, sizedResources: 10, totalBytes: 100n * GIB, cmkBytes: 90n * GIB, ncSseS3: 1 });
    const analytics = counts({ resources: 30, cmkResources: 1, sizedResources: 20, totalBytes: 300n * GIB, cmkBytes: 60n * GIB, ncSseS3: 4, ncUnencrypted: 2, ncAwsManagedKey: 3 });
    const org = coverageFigures([payments, analytics]);
    expect(org.resources).toBe(40);
    expect(org.cmkResources).toBe(10);
    expect(org.coverageByCountPct).toBe(25);
    // 150 GiB of 400 GiB sized = 37.5 %; 10 of 40 resources have no size = 25.0 %.
    expect(org.totalBytes).toBe(400n * GIB);
    expect(org.cmkBytes).toBe(150n * GIB);
    expect(org.coverageByStoragePct).toBe(37.5);
    expect(org.unknownSizePct).toBe(25);
    expect(org.nonCompliantByReason).toEqual({ UNENCRYPTED: 2, SSE_S3: 5, AWS_MANAGED_KEY: 3, KEY_UNUSABLE: 0, UNKNOWN_KEY: 0 });
    expect(org.nonCompliant).toBe(10);
  });

  it("has no storage coverage when no resource has a known size", () => {
    const s3Only = coverageFigures([counts({ resources: 3, cmkResources: 1, sizedResources: 0 })]);
    expect(s3Only.coverageByCountPct).toBe(33.3);
    expect(s3Only.coverageByStoragePct).toBeNull();
    expect(s3Only.unknownSizePct).toBe(100);
  });

  it("has no percentages at all without resources", () => {
    const none = coverageFigures([]);
    expect(none.coverageByCountPct).toBeNull();
    expect(none.coverageByStoragePct).toBeNull();
    expect(none.unknownSizePct).toBeNull();
    expect(none.nonCompliant).toBe(0);
  });
});
