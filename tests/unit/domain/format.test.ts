import { describe, expect, it } from "vitest";
import { formatBytes, formatCountTick, formatDay, formatDayRange, formatDayShort, formatMonth, formatMonthShort, formatPercent, formatSince, formatUsd, formatUsdTick, niceTicks, NO_VALUE } from "@/lib/domain/format";

describe("display formatting", () => {
  it("shows percentages with one decimal and a dash when there is no figure", () => {
    expect(formatPercent(46.7)).toBe("46.7%");
    expect(formatPercent(100)).toBe("100.0%");
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatPercent(null)).toBe(NO_VALUE);
  });

  it("shows bytes in binary units", () => {
    expect(formatBytes(0n)).toBe("0 B");
    expect(formatBytes(1536n)).toBe("1.5 KiB");
    expect(formatBytes(2540n * 1024n ** 3n)).toBe("2.5 TiB"); // 2540 GiB = 2.48 TiB
    expect(formatBytes(500n * 1024n ** 3n)).toBe("500 GiB");
  });

  it("shows dollars with cents and thousands separators", () => {
    expect(formatUsd(1234.5)).toBe("$1,234.50");
    expect(formatUsd(0)).toBe("$0.00");
  });

  it("shows stored days in UTC whatever the machine's time zone", () => {
    const day = new Date("2026-11-01T00:00:00Z");
    expect(formatDay(day)).toBe("Nov 1, 2026");
    expect(formatMonth(new Date("2026-10-01T00:00:00Z"))).toBe("October 2026");
    expect(formatDayRange(day, new Date("2026-11-22T00:00:00Z"))).toBe("Nov 1 – Nov 22");
  });
});

describe("chart axes", () => {
  it("abbreviates dollar ticks without cents", () => {
    expect(formatUsdTick(4100)).toBe("$4.1K");
    expect(formatUsdTick(6000)).toBe("$6K");
    expect(formatUsdTick(950)).toBe("$950");
    expect(formatUsdTick(0)).toBe("$0");
    expect(formatUsdTick(1_250_000)).toBe("$1.3M"); // 1.25 rounds half away from zero
    expect(formatUsdTick(0.5)).toBe("$0.5");
  });

  it("abbreviates count ticks", () => {
    expect(formatCountTick(149_617_728)).toBe("149.6M");
    expect(formatCountTick(12_000)).toBe("12K");
    expect(formatCountTick(40)).toBe("40");
  });

  it("names months and days the way people write them", () => {
    expect(formatMonthShort("2025-11-01")).toBe("Nov 2025");
    expect(formatMonthShort("2026-01")).toBe("Jan 2026");
    expect(formatDayShort("2025-11-22")).toBe("Nov 22");
  });

  it("steps ticks by 1, 2, 2.5 or 5 times a power of ten, from 0 to at least the largest value", () => {
    // 6,150 / 5 = 1,230 → 2,000 is the first round step that covers 6,150 in 5 steps.
    expect(niceTicks(6150)).toEqual([0, 2000, 4000, 6000, 8000]);
    // 4,100 / 5 = 820 → 500 × 5 = 2,500 is short, 1,000 × 5 covers it.
    expect(niceTicks(4100)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(niceTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0.37)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(12)).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
    expect(niceTicks(0)).toEqual([0, 1]);
    // Counts: 12 resources step by 5 (2.5 is no count), 3 keys by 1.
    expect(niceTicks(12, 5, true)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(3, 5, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0.4, 5, true)).toEqual([0, 1]);
  });
});

describe("non-compliant since", () => {
  it("says a stretch that starts with the history may have started before it", () => {
    expect(formatSince("2025-11-01", true)).toBe("before 2025-11-01 (start of history)");
    expect(formatSince("2025-12-03", false)).toBe("2025-12-03");
  });
});
