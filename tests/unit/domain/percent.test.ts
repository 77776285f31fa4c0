import { describe, expect, it } from "vitest";
import { percentOneDecimal } from "@/lib/domain/percent";

describe("percentOneDecimal", () => {
  it("rounds to one decimal, half up", () => {
    expect(percentOneDecimal(2, 3)).toBe(66.7); // 66.666…
    expect(percentOneDecimal(1, 3)).toBe(33.3); // 33.333…
    expect(percentOneDecimal(1, 8)).toBe(12.5);
    expect(percentOneDecimal(1, 16)).toBe(6.3); // 6.25 rounds half up
    expect(percentOneDecimal(7, 7)).toBe(100);
    expect(percentOneDecimal(0, 5)).toBe(0);
  });

  it("is exact for byte totals beyond 2^53", () => {
    const total = 2n ** 60n; // 1 EiB
    const part = total / 3n;
    expect(percentOneDecimal(part, total)).toBe(33.3);
    expect(percentOneDecimal(total - 1n, total)).toBe(100);
  });

  it("returns null for an empty whole instead of 0 %", () => {
    expect(percentOneDecimal(0, 0)).toBeNull();
    expect(percentOneDecimal(0n, 0n)).toBeNull();
  });

  it("rejects a negative part", () => {
    expect(() => percentOneDecimal(-1, 4)).toThrow(RangeError);
  });
});
