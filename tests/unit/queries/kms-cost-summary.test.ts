import { describe, expect, it } from "vitest";
import { costWindows } from "@/lib/queries/kms-cost-summary";

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("costWindows", () => {
  it("runs month to date from the 1st to the latest cost day, last full month before it", () => {
    const w = costWindows(new Date("2026-11-22T00:00:00Z"));
    expect([iso(w.monthToDate.from), iso(w.monthToDate.to)]).toEqual(["2026-11-01", "2026-11-22"]);
    expect([iso(w.lastFullMonth.from), iso(w.lastFullMonth.to)]).toEqual(["2026-10-01", "2026-10-31"]);
  });

  it("compares the last full month with the month before it, across a year", () => {
    const w = costWindows(new Date("2027-02-14T00:00:00Z"));
    expect([iso(w.lastFullMonth.from), iso(w.lastFullMonth.to)]).toEqual(["2027-01-01", "2027-01-31"]);
    expect([iso(w.monthBefore.from), iso(w.monthBefore.to)]).toEqual(["2026-12-01", "2026-12-31"]);
  });

  it("crosses the year boundary in January", () => {
    const w = costWindows(new Date("2027-01-03T00:00:00Z"));
    expect([iso(w.lastFullMonth.from), iso(w.lastFullMonth.to)]).toEqual(["2026-12-01", "2026-12-31"]);
  });

  it("ends February on the 29th in a leap year", () => {
    const w = costWindows(new Date("2028-03-01T00:00:00Z"));
    expect([iso(w.monthToDate.from), iso(w.monthToDate.to)]).toEqual(["2028-03-01", "2028-03-01"]);
    expect([iso(w.lastFullMonth.from), iso(w.lastFullMonth.to)]).toEqual(["2028-02-01", "2028-02-29"]);
  });
});
