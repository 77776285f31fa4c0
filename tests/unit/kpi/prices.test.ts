import { describe, expect, it } from "vitest";
import { applyPriceOverrides, KMS_LIST_PRICES, requestPriceForKeySpec, rotationSurchargePerKeyMonth } from "@/lib/domain/prices";

describe("requestPriceForKeySpec", () => {
  it("prices symmetric, HMAC and RSA_2048 requests at $0.03 / 10,000", () => {
    expect(requestPriceForKeySpec("SYMMETRIC_DEFAULT")).toBeCloseTo(0.000003, 12);
    expect(requestPriceForKeySpec("HMAC_256")).toBeCloseTo(0.000003, 12);
    expect(requestPriceForKeySpec("RSA_2048")).toBeCloseTo(0.000003, 12);
  });

  it("prices other asymmetric requests at $0.15 / 10,000", () => {
    for (const spec of ["RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_SECG_P256K1", "ML_DSA_65"]) {
      expect(requestPriceForKeySpec(spec)).toBeCloseTo(0.000015, 12);
    }
  });

  it("prices an unknown spec as symmetric", () => {
    expect(requestPriceForKeySpec(null)).toBeCloseTo(0.000003, 12);
  });

  it("uses overridden prices", () => {
    const prices = applyPriceOverrides({ symmetricPer10k: 0.06, otherAsymmetricPer10k: 0.3 });
    expect(requestPriceForKeySpec("SYMMETRIC_DEFAULT", prices)).toBeCloseTo(0.000006, 12);
    expect(requestPriceForKeySpec("ECC_NIST_P384", prices)).toBeCloseTo(0.00003, 12);
  });
});

describe("applyPriceOverrides", () => {
  it("replaces only the given fields and leaves the list table untouched", () => {
    const prices = applyPriceOverrides({ keyMonth: 0.9, rsa2048Per10k: undefined });
    expect(prices.keyMonth).toBe(0.9);
    expect(prices.rsa2048Per10k).toBe(0.03);
    expect(prices.generateDataKeyPairRsaPer10k).toBe(12);
    expect(prices.freeTierRequests).toBe(20_000);
    expect(KMS_LIST_PRICES.keyMonth).toBe(1);
  });
});

describe("rotationSurchargePerKeyMonth", () => {
  it("adds $1 per rotation, capped after the second", () => {
    expect(rotationSurchargePerKeyMonth(0)).toBe(0);
    expect(rotationSurchargePerKeyMonth(1)).toBe(1);
    expect(rotationSurchargePerKeyMonth(2)).toBe(2);
    expect(rotationSurchargePerKeyMonth(7)).toBe(2);
    expect(rotationSurchargePerKeyMonth(null)).toBe(0);
  });
});
