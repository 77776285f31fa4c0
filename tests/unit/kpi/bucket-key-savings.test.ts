import { describe, expect, it } from "vitest";
import { KMS_LIST_PRICES } from "@/lib/domain/prices";
import { bucketKeySavings, bucketKeySavingsTotals, idleKeySavings, type BucketKeySavingsInput } from "@/lib/kpi/bucket-key-savings";
import { bucket, cmk } from "./fixtures";

const K1 = "arn:aws:kms:us-east-1:111122223333:key/k1";
const K2 = "arn:aws:kms:us-east-1:111122223333:key/k2";
const K3 = "arn:aws:kms:us-east-1:111122223333:key/k3";
const AWS_S3 = "arn:aws:kms:us-east-1:111122223333:key/aws-s3";

const input: BucketKeySavingsInput = {
  requestsByKey: new Map([[K1, 1_000_000], [K2, 3_000_000], [K3, undefined], [AWS_S3, 200_000]]),
  usersByKey: new Map([
    [K1, { bucketArns: ["arn:aws:s3:::alone"], otherUsers: 0 }],
    [K2, { bucketArns: ["arn:aws:s3:::shared-a", "arn:aws:s3:::shared-b"], otherUsers: 1 }],
    [AWS_S3, { bucketArns: ["arn:aws:s3:::managed"], otherUsers: 0 }],
  ]),
  prices: KMS_LIST_PRICES,
  reduction: 0.97,
};

describe("bucketKeySavings", () => {
  it("attributes all of a key's requests to its only bucket (exact)", () => {
    const [saving] = bucketKeySavings([bucket("alone", { keyArn: K1 })], input);
    // 1,000,000 × $0.000003 × 0.97
    expect(saving).toEqual({ resourceArn: "arn:aws:s3:::alone", keyArn: K1, basis: "exact", monthlyRequests: 1_000_000, monthlySavings: expect.closeTo(2.91, 10) });
  });

  it("splits a shared key's requests evenly over all its users (estimated-shared)", () => {
    const savings = bucketKeySavings([bucket("shared-a", { keyArn: K2 }), bucket("shared-b", { keyArn: K2 })], input);
    // 3,000,000 over two buckets and one volume.
    for (const saving of savings) {
      expect(saving.basis).toBe("estimated-shared");
      expect(saving.monthlyRequests).toBe(1_000_000);
      expect(saving.monthlySavings).toBeCloseTo(2.91, 10);
    }
  });

  it("reports no data, not zero, when the key's volume is unknown", () => {
    const savings = bucketKeySavings([bucket("dark", { keyArn: K3 }), bucket("unresolved", { keyArn: null })], input);
    expect(savings.map((s) => [s.basis, s.monthlyRequests, s.monthlySavings])).toEqual([["no-data", null, null], ["no-data", null, null]]);
  });

  it("includes buckets on aws/s3 and uses the configured reduction", () => {
    const [saving] = bucketKeySavings([bucket("managed", { keyArn: AWS_S3, encryptionClass: "AWS_MANAGED_KMS" })], { ...input, reduction: 0.5 });
    expect(saving!.monthlySavings).toBeCloseTo(0.3, 10); // 200,000 × $0.000003 × 0.5
  });

  it("leaves out buckets that cannot gain from a Bucket Key", () => {
    const others = [
      bucket("has-bucket-key", { keyArn: K1, bucketKeyEnabled: true }),
      bucket("bucket-key-unknown", { keyArn: K1, bucketKeyEnabled: null }),
      bucket("dsse", { keyArn: K1, sseAlgorithm: "aws:kms:dsse" }),
      bucket("sse-s3", { encryptionClass: "SSE_S3", sseAlgorithm: "AES256" }),
      { ...bucket("volume", { keyArn: K1 }), service: "EBS" as const, sseAlgorithm: null },
    ];
    expect(bucketKeySavings(others, input)).toEqual([]);
  });
});

describe("idleKeySavings", () => {
  it("saves $1 plus the rotation surcharge per idle key, once per key", () => {
    const savings = idleKeySavings(
      [
        { key: cmk({ keyArn: K1, rotationCount: 1 }), codes: ["UNUSED", "MISSING_TAGS"] },
        { key: cmk({ keyArn: K2, rotationCount: 4 }), codes: ["DISABLED_BILLED", "UNUSED"] },
        { key: cmk({ keyArn: K3 }), codes: ["MISSING_TAGS"] },
        { key: cmk({ keyArn: AWS_S3, keyManager: "AWS" }), codes: ["UNUSED"] },
      ],
      KMS_LIST_PRICES,
    );
    expect(savings).toEqual([
      { keyArn: K1, codes: ["UNUSED"], monthlySavings: 2 },
      { keyArn: K2, codes: ["UNUSED", "DISABLED_BILLED"], monthlySavings: 3 },
    ]);
  });
});

describe("bucketKeySavingsTotals", () => {
  const row = (basis: "exact" | "estimated-shared" | "no-data", monthlySavings: number | null) => ({ basis, monthlySavings });

  it("is null, not $0, when no candidate has per-key data", () => {
    expect(bucketKeySavingsTotals([row("no-data", null), row("no-data", null)])).toEqual({ exact: null, estimated: null, buckets: 2, noData: 2 });
  });

  it("sums the buckets with data and counts those left out", () => {
    // 0.03 + 0.0291 exact, 0.5 estimated; one bucket without data is not included.
    expect(bucketKeySavingsTotals([row("exact", 0.03), row("exact", 0.0291), row("estimated-shared", 0.5), row("no-data", null)]))
      .toEqual({ exact: expect.closeTo(0.0591, 12), estimated: 0.5, buckets: 4, noData: 1 });
  });

  it("is a true $0 when there is no candidate at all", () => {
    expect(bucketKeySavingsTotals([])).toEqual({ exact: 0, estimated: 0, buckets: 0, noData: 0 });
  });
});
