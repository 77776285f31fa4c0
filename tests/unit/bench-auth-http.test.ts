import { describe, expect, it } from "vitest";
import { blockedAddedP95 } from "@/bench/auth-http";

describe("blockedAddedP95", () => {
  it("is the median over blocks of the per-block p95 difference", () => {
    // 20 samples a block: the p95 (nearest rank) is the 19th smallest.
    const block = (base: number, p95: number) => [...Array.from({ length: 18 }, () => base), p95, p95 + 100];
    const without = [block(5, 10), block(5, 10), block(5, 40)];
    // differences per block: 11 − 10 = 1, 13 − 10 = 3, 30 − 40 = −10 (a burst in the no-check requests)
    const withCheck = [block(5, 11), block(5, 13), block(5, 30)];
    expect(blockedAddedP95(withCheck, without)).toBe(1);
  });
});
