import { describe, expect, it } from "vitest";
import { monthsOf } from "@/lib/export/chargeback-params";

describe("monthsOf", () => {
  it("splits a range into calendar months clipped to its ends", () => {
    expect(monthsOf("2025-11-15", "2026-02-03")).toEqual([
      ["2025-11-15", "2025-11-30"],
      ["2025-12-01", "2025-12-31"],
      ["2026-01-01", "2026-01-31"],
      ["2026-02-01", "2026-02-03"],
    ]);
  });
  it("keeps a range inside one month whole, leap days included", () => {
    expect(monthsOf("2024-02-01", "2024-02-29")).toEqual([["2024-02-01", "2024-02-29"]]);
    expect(monthsOf("2026-03-31", "2026-03-31")).toEqual([["2026-03-31", "2026-03-31"]]);
  });
});
