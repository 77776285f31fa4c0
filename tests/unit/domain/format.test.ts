import { describe, expect, it } from "vitest";
import { formatBytes, formatDay, formatDayRange, formatMonth, formatPercent, formatUsd, NO_VALUE } from "@/lib/domain/format";

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
