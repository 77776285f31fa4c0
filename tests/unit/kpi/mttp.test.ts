import { describe, expect, it } from "vitest";
import { keyProvisioning, median, mttpSummary } from "@/lib/kpi/mttp";

const history = (keyArn: string, createdAt: string, snapshots: [string, string[]][]) =>
  keyProvisioning({ keyArn, createdAt: new Date(createdAt), snapshots: snapshots.map(([day, codes]) => ({ day, codes })) });

const keys = [
  // Clean on the 4th: UNUSED is not a hygiene finding. 3 days.
  history("k1", "2025-05-01T10:00:00Z", [["2025-05-01", ["MISSING_TAGS"]], ["2025-05-02", ["ALIAS_CONVENTION"]], ["2025-05-04", ["UNUSED"]]]),
  // Clean in its first snapshot: 0 days.
  history("k2", "2025-05-03T23:00:00Z", [["2025-05-03", []]]),
  // Never clean: open.
  history("k3", "2025-05-05T00:00:00Z", [["2025-05-05", ["ROTATION_DISABLED"]], ["2025-05-06", ["BROAD_USAGE"]]]),
  // A snapshot before creation does not count. 8 days.
  history("k4", "2025-05-02T08:00:00Z", [["2025-05-01", []], ["2025-05-02", ["PUBLIC_POLICY"]], ["2025-05-10", []]]),
  // Created in April: outside the May period.
  history("k5", "2025-04-29T00:00:00Z", [["2025-04-30", []]]),
];

describe("keyProvisioning", () => {
  it("finds the first day without hygiene findings", () => {
    expect(keys.map((k) => [k.keyArn, k.compliantOn, k.days])).toEqual([
      ["k1", "2025-05-04", 3],
      ["k2", "2025-05-03", 0],
      ["k3", null, null],
      ["k4", "2025-05-10", 8],
      ["k5", "2025-04-30", 1],
    ]);
  });
});

describe("mttpSummary", () => {
  it("averages the keys created in the period and counts the open ones", () => {
    const summary = mttpSummary(keys, { start: new Date("2025-05-01T00:00:00Z"), end: new Date("2025-06-01T00:00:00Z") });
    expect(summary).toEqual({ keys: 4, provisioned: 3, open: 1, meanDays: 11 / 3, medianDays: 3 });
  });

  it("has no mean or median without provisioned keys", () => {
    const summary = mttpSummary([keys[2]!], { start: new Date("2025-05-01T00:00:00Z"), end: new Date("2025-06-01T00:00:00Z") });
    expect(summary).toEqual({ keys: 1, provisioned: 0, open: 1, meanDays: null, medianDays: null });
  });
});

describe("median", () => {
  it("averages the two middle values of an even count", () => {
    expect(median([9, 0, 8, 3])).toBe(5.5);
    expect(median([])).toBeNull();
  });
});
