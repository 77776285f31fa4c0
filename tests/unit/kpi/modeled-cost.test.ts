import { describe, expect, it } from "vitest";
import { applyPriceOverrides, KMS_LIST_PRICES } from "@/lib/domain/prices";
import { costVariance, keyMonthsBetween, modeledKeyCost, type ModeledCostInput } from "@/lib/kpi/modeled-cost";
import { cmk } from "./fixtures";

const APRIL = { start: new Date("2025-04-01T00:00:00Z"), end: new Date("2025-05-01T00:00:00Z") };
const input = (overrides: Partial<ModeledCostInput> = {}): ModeledCostInput => ({
  period: APRIL, now: new Date("2025-05-10T00:00:00Z"), requests: 0, prices: KMS_LIST_PRICES, ...overrides,
});

describe("keyMonthsBetween", () => {
  it("prorates by hours of the month", () => {
    // April has 720 hours; 16th 00:00 to May 1st is 360 of them.
    expect(keyMonthsBetween(new Date("2025-04-16T00:00:00Z"), new Date("2025-05-01T00:00:00Z"))).toBe(0.5);
  });

  it("counts a started hour as a full hour", () => {
    expect(keyMonthsBetween(new Date("2025-04-16T00:30:00Z"), new Date("2025-05-01T00:00:00Z"))).toBe(0.5);
  });

  it("weights each month by its own length", () => {
    // March 17th → April 1st: 360 of March's 744 hours; then all of April.
    expect(keyMonthsBetween(new Date("2025-03-17T00:00:00Z"), new Date("2025-05-01T00:00:00Z"))).toBeCloseTo(1 + 360 / 744, 12);
  });
});

describe("modeledKeyCost", () => {
  it("prorates a key created mid-month and adds the rotation surcharge capped at 2 rotations", () => {
    const key = cmk({ creationDate: new Date("2025-04-16T00:00:00Z"), rotationCount: 5 });
    const cost = modeledKeyCost(key, input({ requests: 100_000 }));
    expect(cost.keyMonths).toBe(0.5);
    expect(cost.keyCost).toBe(0.5);
    expect(cost.rotationCost).toBe(1); // 0.5 key-month × $2
    expect(cost.requestCost).toBeCloseTo(0.3, 10); // 100,000 × $0.03 / 10,000
    expect(cost.total).toBeCloseTo(1.8, 10);
  });

  it("charges a full month with one rotation $2 for storage", () => {
    const cost = modeledKeyCost(cmk({ rotationCount: 1 }), input());
    expect(cost.keyCost + cost.rotationCost).toBe(2);
  });

  it("stops at now for a period still running", () => {
    const cost = modeledKeyCost(cmk({ rotationCount: 0 }), input({ now: new Date("2025-04-11T00:00:00Z") }));
    expect(cost.keyMonths).toBeCloseTo(240 / 720, 12);
  });

  it("charges nothing for the pending-deletion window", () => {
    // Deletion on the 30th with a 7-day window: scheduled on the 23rd, billed 1st → 23rd = 528 h.
    const key = cmk({ keyState: "PendingDeletion", deletionDate: new Date("2025-04-30T00:00:00Z"), pendingWindowDays: 7, rotationCount: 0 });
    expect(modeledKeyCost(key, input()).keyMonths).toBeCloseTo(528 / 720, 12);
  });

  it("bills a pending-deletion key up to the day its history first shows PendingDeletion", () => {
    // DescribeKey of an ordinary PendingDeletion key: DeletionDate, no PendingDeletionWindowInDays.
    // Scheduled on the 10th (history), deleting on the 30th (20-day window): billed 1st → 10th = 216 h.
    const key = { ...cmk({ keyState: "PendingDeletion", deletionDate: new Date("2025-04-30T00:00:00Z"), pendingWindowDays: null, rotationCount: 0 }), pendingSince: new Date("2025-04-10T00:00:00Z") };
    expect(modeledKeyCost(key, input()).keyMonths).toBeCloseTo(216 / 720, 12);
  });

  it("charges AWS managed keys for requests only", () => {
    const cost = modeledKeyCost(cmk({ keyManager: "AWS", rotationCount: 3 }), input({ requests: 10_000 }));
    expect(cost).toEqual({ keyMonths: 0, keyCost: 0, rotationCost: 0, requestCost: expect.closeTo(0.03, 10), total: expect.closeTo(0.03, 10) });
  });

  it("prices requests by key spec and applies no per-key free tier", () => {
    const cost = modeledKeyCost(cmk({ keySpec: "RSA_4096", keyUsage: "SIGN_VERIFY", rotationCount: 0 }), input({ requests: 100_000 }));
    expect(cost.requestCost).toBeCloseTo(1.5, 10);
  });

  it("keeps unknown requests unknown", () => {
    const cost = modeledKeyCost(cmk({ rotationCount: 0 }), input({ requests: null }));
    expect(cost.requestCost).toBeNull();
    expect(cost.total).toBe(1);
  });

  it("uses overridden prices", () => {
    const cost = modeledKeyCost(cmk({ rotationCount: 0 }), input({ prices: applyPriceOverrides({ keyMonth: 0.8 }) }));
    expect(cost.total).toBeCloseTo(0.8, 12);
  });

  it("charges nothing for a key created after the period", () => {
    expect(modeledKeyCost(cmk({ creationDate: new Date("2025-05-02T00:00:00Z") }), input()).total).toBe(0);
  });
});

describe("costVariance", () => {
  it("compares modeled with billed", () => {
    const variance = costVariance(1.8, 1.5);
    expect(variance.absolute).toBeCloseTo(0.3, 12);
    expect(variance.percent).toBeCloseTo(20, 10);
    expect(costVariance(1, 2)).toEqual({ absolute: -1, percent: -50 });
  });

  it("has no percentage against a zero bill unless both are zero", () => {
    expect(costVariance(0, 0)).toEqual({ absolute: 0, percent: 0 });
    expect(costVariance(1, 0)).toEqual({ absolute: 1, percent: null });
  });
});
