import { describe, expect, it } from "vitest";
import { againstTarget, resourcesToMove } from "@/lib/kpi/target-gap";

describe("resources to move to reach a coverage target", () => {
  it("is the smallest count that reaches the target", () => {
    // 1,000 resources, 488 on a CMK, target 90 %: 900 needed, 412 to move.
    expect(resourcesToMove(488, 1000, 90)).toBe(412);
    // 7 resources, 3 on a CMK, 90 %: 6.3 → 7 needed, 4 to move (6 of 7 is 85.7 %).
    expect(resourcesToMove(3, 7, 90)).toBe(4);
    // 10 resources, 90 %: exactly 9 needed (no float 9.000000000000002 asking for 10).
    expect(resourcesToMove(5, 10, 90)).toBe(4);
    // 200 resources, 90.5 %: 181 needed.
    expect(resourcesToMove(100, 200, 90.5)).toBe(81);
  });

  it("is 0 at or above the target and null without resources", () => {
    expect(resourcesToMove(9, 10, 90)).toBe(0);
    expect(resourcesToMove(10, 10, 90)).toBe(0);
    expect(resourcesToMove(0, 0, 90)).toBeNull();
  });

  it("colours a figure against its target in the target's direction", () => {
    expect(againstTarget(90, 90, "atLeast")).toBe("met");
    expect(againstTarget(89.9, 90, "atLeast")).toBe("missed");
    expect(againstTarget(0, 0, "atMost")).toBe("met");
    expect(againstTarget(3, 0, "atMost")).toBe("missed");
    expect(againstTarget(null, 7, "atMost")).toBe("no data");
  });
});
