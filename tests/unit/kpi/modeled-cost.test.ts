import { describe, expect, it } from "vitest";
import { applyPriceOverrides, KMS_LIST_PRICES } from "@/lib/domain/prices";
import { costVariance, keyMonthsBetween, modeledKeyCost, modeledKeyCostOverDays, modeledMonthlyKeyCost, pendingSinceOf, type ModeledCostInput } from "@/lib/kpi/modeled-cost";
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

describe("modeledMonthlyKeyCost", () => {
  it("is a key-month plus the rotation surcharge, capped at 2 rotations", () => {
    expect(modeledMonthlyKeyCost(cmk({ rotationCount: 1 }), KMS_LIST_PRICES)).toEqual({ keyCost: 1, rotationCost: 1, total: 2 });
    expect(modeledMonthlyKeyCost(cmk({ rotationCount: 7 }), KMS_LIST_PRICES)).toEqual({ keyCost: 1, rotationCost: 2, total: 3 });
    expect(modeledMonthlyKeyCost(cmk({ rotationCount: null }), KMS_LIST_PRICES)).toEqual({ keyCost: 1, rotationCost: 0, total: 1 });
  });

  it("is nothing for an AWS managed key or a key pending deletion; a disabled key still pays", () => {
    expect(modeledMonthlyKeyCost(cmk({ keyManager: "AWS", rotationCount: 3 }), KMS_LIST_PRICES).total).toBe(0);
    expect(modeledMonthlyKeyCost(cmk({ keyState: "PendingDeletion", rotationCount: 1 }), KMS_LIST_PRICES).total).toBe(0);
    expect(modeledMonthlyKeyCost(cmk({ keyState: "Disabled", rotationCount: 1 }), KMS_LIST_PRICES).total).toBe(2);
  });
});

describe("pendingSinceOf", () => {
  const v = (keyState: string, day: string) => ({ keyState, validFrom: new Date(`${day}T00:00:00Z`) });
  it("is the start of the current PendingDeletion stretch", () => {
    expect(pendingSinceOf([v("PendingDeletion", "2025-04-01"), v("Enabled", "2025-04-03"), v("PendingDeletion", "2025-04-10"), v("PendingDeletion", "2025-04-12")])).toEqual(new Date("2025-04-10T00:00:00Z"));
    expect(pendingSinceOf([v("PendingDeletion", "2025-04-01"), v("Enabled", "2025-04-03")])).toBeNull();
  });
});

describe("modeledKeyCostOverDays", () => {
  it("models each run of consecutive days as its own period, requests of the covered days only", () => {
    // 30 April + 1-2 May (one run across the month end) and 5 May: 24 h of April's 720, 72 h of May's 744.
    const requestsByDay = new Map([["2025-04-30", 10_000], ["2025-05-05", 20_000], ["2025-06-01", 99_999]]);
    const cost = modeledKeyCostOverDays(cmk({ rotationCount: 1 }), ["2025-04-30", "2025-05-01", "2025-05-02", "2025-05-05"], {
      requestsByDay, now: new Date("2025-06-01T00:00:00Z"), prices: KMS_LIST_PRICES,
    });
    const keyMonths = 24 / 720 + 72 / 744;
    expect(cost.keyMonths).toBeCloseTo(keyMonths, 12);
    expect(cost.rotationCost).toBeCloseTo(keyMonths, 12);
    expect(cost.requestCost).toBeCloseTo(0.09, 12); // 30,000 × $0.03 / 10,000
    expect(cost.total).toBeCloseTo(2 * keyMonths + 0.09, 12);
  });

  it("leaves the request cost unknown without per-key data", () => {
    const cost = modeledKeyCostOverDays(cmk({ rotationCount: 0 }), ["2025-04-30"], { requestsByDay: null, now: new Date("2025-06-01T00:00:00Z"), prices: KMS_LIST_PRICES });
    expect(cost.requestCost).toBeNull();
    expect(cost.total).toBeCloseTo(24 / 720, 12);
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
