import { describe, expect, it } from "vitest";
import { requestDataText } from "@/components/savings/request-data-text";

describe("per-key request data on the savings page", () => {
  it("says no data instead of available (0 days)", () => {
    expect(requestDataText({ available: true, days: 0, message: null, billMonth: null })).toBe("no data (no day of Cost Explorer resource-level data stored)");
    expect(requestDataText({ available: false, days: 0, message: "not enabled", billMonth: null })).toBe("no data — not enabled");
  });

  it("names the days or the bill month the volumes come from", () => {
    expect(requestDataText({ available: true, days: 14, message: null, billMonth: null })).toBe("available (14 days of Cost Explorer resource-level data)");
    expect(requestDataText({ available: true, days: 0, message: null, billMonth: { month: "2026-11-01", billStatus: "final" } })).toBe("from the imported bill of 2026-11 (final) only; no day of Cost Explorer resource-level data");
  });
});
