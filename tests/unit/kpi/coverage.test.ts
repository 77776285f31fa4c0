import { describe, expect, it } from "vitest";
import { nonCompliantReason, requiresCmk } from "@/lib/kpi/compliance";
import { coverageSummary, type CoverageInput } from "@/lib/kpi/coverage";
import { resourceDims } from "@/lib/kpi/resource-dims";
import { defaultPolicySettings as settings } from "@/lib/settings/policy";
import { bucket } from "./fixtures";

const TIB = 1024n ** 4n;

describe("coverageSummary", () => {
  it("computes count and storage coverage over known sizes, and the unknown-size share", () => {
    const resources: CoverageInput[] = [
      { encryptionClass: "CUSTOMER_KMS", sizeBytes: 100n, nonCompliantReason: null },
      { encryptionClass: "CUSTOMER_KMS", sizeBytes: null, nonCompliantReason: "KEY_UNUSABLE" },
      { encryptionClass: "SSE_S3", sizeBytes: 300n, nonCompliantReason: "SSE_S3" },
      { encryptionClass: "NONE", sizeBytes: 100n, nonCompliantReason: "UNENCRYPTED" },
      { encryptionClass: "AWS_MANAGED_KMS", sizeBytes: null, nonCompliantReason: null },
    ];
    expect(coverageSummary(resources)).toEqual({
      resources: 5,
      cmkResources: 2,
      countCoveragePct: 40,
      sizedResources: 3,
      totalBytes: 500n,
      cmkBytes: 100n,
      storageCoveragePct: 20,
      unknownSizePct: 40,
      nonCompliant: 3,
      nonCompliantByReason: { UNENCRYPTED: 1, SSE_S3: 1, AWS_MANAGED_KEY: 0, KEY_UNUSABLE: 1, UNKNOWN_KEY: 0 },
    });
  });

  it("keeps precision on large byte counts", () => {
    const summary = coverageSummary([
      { encryptionClass: "CUSTOMER_KMS", sizeBytes: 3n * TIB, nonCompliantReason: null },
      { encryptionClass: "SSE_S3", sizeBytes: 6n * TIB, nonCompliantReason: null },
    ]);
    expect(summary.storageCoveragePct).toBe(33.3333);
  });

  it("has no percentages without resources or known sizes", () => {
    const empty = coverageSummary([]);
    expect([empty.countCoveragePct, empty.storageCoveragePct, empty.unknownSizePct]).toEqual([null, null, null]);
    const unsized = coverageSummary([{ encryptionClass: "CUSTOMER_KMS", sizeBytes: null, nonCompliantReason: null }]);
    expect([unsized.countCoveragePct, unsized.storageCoveragePct, unsized.unknownSizePct]).toEqual([100, null, 100]);
  });

  it("chains dims → requirement → reason → summary on tagged buckets", () => {
    const records = [
      bucket("prod-sse-s3", { encryptionClass: "SSE_S3", sseAlgorithm: "AES256", tags: { env: "prod" } }),
      bucket("dev-sse-s3", { encryptionClass: "SSE_S3", sseAlgorithm: "AES256", tags: { env: "dev" } }),
      bucket("dev-secret", { encryptionClass: "AWS_MANAGED_KMS", tags: { env: "dev", "data-classification": "restricted" } }),
      bucket("prod-cmk", { keyArn: "k", tags: { env: "production" } }),
    ];
    const keyStates: Record<string, string> = { k: "PendingDeletion" };
    const inputs = records.map((r) => ({
      ...r,
      nonCompliantReason: nonCompliantReason(r, r.keyArn ? keyStates[r.keyArn] : null, requiresCmk(resourceDims(r, settings), settings)),
    }));
    expect(inputs.map((r) => r.nonCompliantReason)).toEqual(["SSE_S3", null, "AWS_MANAGED_KEY", "KEY_UNUSABLE"]);
    expect(coverageSummary(inputs).countCoveragePct).toBe(25);
  });
});
