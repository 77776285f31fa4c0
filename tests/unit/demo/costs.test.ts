import { beforeAll, describe, expect, it } from "vitest";
import { kmsCosts } from "@/lib/demo/costs";
import { dayIndex, daysInMonthOf } from "@/lib/demo/days";
import type { KmsKeyRecord } from "@/lib/domain/records";
import { classifyUsageType, regionFromUsageType } from "@/lib/domain/usage-type";
import type { VersionedKey } from "@/lib/store/types";
import { END_DAY, generate, groupBy, type Generated } from "./fixtures";

const ACCOUNT = "111122223333";

function key(id: string, overrides: Partial<KmsKeyRecord> = {}): KmsKeyRecord {
  return {
    keyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${id}`, accountId: ACCOUNT, region: "us-east-1", keyId: id,
    keyManager: "CUSTOMER", keyState: "Enabled", keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", origin: "AWS_KMS",
    multiRegion: false, multiRegionRole: null, primaryKeyArn: null, creationDate: new Date("2023-01-01T10:00:00Z"),
    deletionDate: null, pendingWindowDays: null, description: "", aliases: [], policy: null, policyError: null,
    tags: { "business-unit": "payments", "cost-center": "CC-1001" },
    rotationEnabled: false, rotationPeriodDays: null, rotationCount: 0, lastRotatedAt: null, nextRotationDate: null, ...overrides,
  };
}
const always = (record: KmsKeyRecord, validFrom = "2025-01-01"): VersionedKey => ({ record, validFrom, validTo: null });
const JANUARY = { fromIdx: dayIndex("2025-01-01"), toIdx: dayIndex("2025-01-31"), keyRequestsFromIdx: dayIndex("2025-01-25") };
const noRequests = () => 0;

describe("kmsCosts on a hand-made organization (1 account)", () => {
  it("bills 2 keys × $1 × 24 h / (24 h × 31 days) per January day, as key-months", () => {
    const { costs } = kmsCosts([always(key("a")), always(key("b"))], noRequests, JANUARY);
    expect(costs).toHaveLength(31);
    for (const c of costs) {
      expect(c).toMatchObject({ accountId: ACCOUNT, businessUnit: "payments", costCenter: "CC-1001", usageType: "us-east-1-KMS-Keys", category: "KEYS", region: "us-east-1" });
      expect(c.unblendedCost).toBeCloseTo((2 * 1 * 24) / (24 * 31), 8);
      expect(c.usageQuantity).toBeCloseTo(2 / 31, 10);
    }
    const february = kmsCosts([always(key("a"))], noRequests, { fromIdx: dayIndex("2025-02-10"), toIdx: dayIndex("2025-02-10"), keyRequestsFromIdx: Infinity });
    expect(february.costs[0]!.unblendedCost).toBeCloseTo(1 / 28, 8);
  });

  it("adds $1 per key-month for each of the first two rotations, nothing for AWS managed or pending keys", () => {
    const keys = [
      always(key("once", { rotationEnabled: true, rotationCount: 1 })), // $2/month
      always(key("often", { rotationEnabled: true, rotationCount: 5 })), // capped: $3/month
      always(key("aws", { keyManager: "AWS", tags: {} })),
      always(key("gone", { keyState: "PendingDeletion" })),
      always(key("off", { keyState: "Disabled" })), // still billed: $1/month
    ];
    const { costs } = kmsCosts(keys, noRequests, JANUARY);
    const day = costs.filter((c) => c.day === "2025-01-15");
    expect(day).toHaveLength(1);
    expect(day[0]!.unblendedCost).toBeCloseTo((2 + 3 + 1) / 31, 8);
  });

  it("prices requests by key spec and keeps untagged cost under business unit \"\"", () => {
    const keys = [
      always(key("sym")),
      always(key("rsa", { keySpec: "RSA_4096", rotationEnabled: null, rotationCount: null })),
      always(key("sign", { keySpec: "RSA_2048", tags: {} })),
      always(key("s3", { keyManager: "AWS", tags: {}, region: "ap-southeast-2", keyArn: "arn:aws:kms:ap-southeast-2:111122223333:key/s3" })),
    ];
    const requests = (arn: string) => (arn.endsWith("/sym") ? 20_000 : arn.endsWith("/rsa") ? 10_000 : arn.endsWith("/sign") ? 10_000 : 100_000);
    const { costs, keyRequests } = kmsCosts(keys, requests, JANUARY);
    const day = groupBy(costs.filter((c) => c.day === "2025-01-30" && c.category === "REQUESTS"), (c) => `${c.usageType}|${c.businessUnit}`);
    expect([...day.keys()].sort()).toEqual([
      "ap-southeast-2-KMS-Requests|", "us-east-1-KMS-Requests-Asymmetric-RSA_2048|", "us-east-1-KMS-Requests-Asymmetric|payments", "us-east-1-KMS-Requests|payments",
    ]);
    expect(day.get("us-east-1-KMS-Requests|payments")![0]!).toMatchObject({ unblendedCost: 0.06, usageQuantity: 20_000 }); // 2 × $0.03
    expect(day.get("us-east-1-KMS-Requests-Asymmetric|payments")![0]!.unblendedCost).toBeCloseTo(0.15, 8);
    expect(day.get("us-east-1-KMS-Requests-Asymmetric-RSA_2048|")![0]!.unblendedCost).toBeCloseTo(0.03, 8);
    expect(day.get("ap-southeast-2-KMS-Requests|")![0]!).toMatchObject({ unblendedCost: 0.3, region: "ap-southeast-2" });
    // Per-key volumes only for the last days asked for (25..31 January), 4 keys a day.
    expect(keyRequests).toHaveLength(7 * 4);
    expect(keyRequests.find((r) => r.day === "2025-01-30" && r.keyArn.endsWith("/rsa"))).toMatchObject({ requests: 10_000, cost: 0.15 });
  });

  it("bills a key only on the days its versions are valid", () => {
    const versions: VersionedKey[] = [
      { record: key("k"), validFrom: "2025-01-10", validTo: "2025-01-20" },
      { record: key("k", { keyState: "PendingDeletion" }), validFrom: "2025-01-20", validTo: "2025-01-27" },
    ];
    const { costs } = kmsCosts(versions, noRequests, JANUARY);
    expect(costs.map((c) => c.day)).toEqual(Array.from({ length: 10 }, (_, i) => `2025-01-${String(10 + i).padStart(2, "0")}`));
  });
});

describe("demo cost records", () => {
  let demo: Generated;
  beforeAll(() => {
    demo = generate({ seed: 3, accounts: 3, businessUnits: 3, keys: 45, resources: 300, days: 70 });
  });

  it("use region-prefixed usage types the shared classifier reads by suffix", () => {
    const costs = demo.chunks.flatMap((c) => c.costs);
    for (const c of costs) {
      expect(c.usageType).toMatch(/^[a-z]{2}(-[a-z]+)+-[0-9]+-KMS-(Keys|Requests|Requests-Asymmetric|Requests-Asymmetric-RSA_2048)$/);
      expect(classifyUsageType(c.usageType)).toBe(c.category);
      expect(regionFromUsageType(c.usageType)).toBe(c.region);
    }
    expect(new Set(costs.map((c) => c.category))).toEqual(new Set(["KEYS", "REQUESTS"]));
    expect(costs.some((c) => c.businessUnit === "")).toBe(true); // AWS managed keys' requests
  });

  it("bill key storage per day as the CMK versions valid that day say", () => {
    const day = "2025-06-15";
    const expected = demo.keysOn(day)
      .filter((k) => k.keyManager === "CUSTOMER" && k.keyState !== "PendingDeletion")
      .reduce((sum, k) => sum + (1 + Math.min(k.rotationCount ?? 0, 2)) / daysInMonthOf(dayIndex(day)), 0);
    const billed = demo.chunks.flatMap((c) => c.costs).filter((c) => c.day === day && c.category === "KEYS").reduce((s, c) => s + c.unblendedCost, 0);
    expect(expected).toBeGreaterThan(1);
    expect(billed).toBeCloseTo(expected, 6);
  });

  it("bill requests per day as the per-key request volumes add up", () => {
    const costs = demo.chunks.flatMap((c) => c.costs).filter((c) => c.category === "REQUESTS");
    const perKey = demo.chunks.flatMap((c) => c.keyRequests);
    for (const day of ["2025-04-22", END_DAY]) {
      const billed = costs.filter((c) => c.day === day);
      const keys = perKey.filter((r) => r.day === day);
      expect(billed.reduce((s, c) => s + c.usageQuantity, 0)).toBe(keys.reduce((s, r) => s + r.requests, 0));
      expect(billed.reduce((s, c) => s + c.unblendedCost, 0)).toBeCloseTo(keys.reduce((s, r) => s + r.cost, 0), 5);
    }
  });
});
