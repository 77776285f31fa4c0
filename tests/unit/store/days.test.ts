import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isDay } from "@/lib/domain/days";

describe("days", () => {
  it("accepts real calendar days only", () => {
    expect(isDay("2026-02-28")).toBe(true);
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2026-13-01")).toBe(false);
    expect(isDay("2026-1-01")).toBe(false);
    expect(isDay("yesterday")).toBe(false);
  });

  it("adds and counts days across month and year ends", () => {
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2025-12-30", "2026-01-02")).toBe(3);
  });
});
