import { describe, expect, it } from "vitest";
import { difference, pointsChange, relativeChange, shownPointsChange } from "@/lib/domain/period-change";

describe("period changes", () => {
  it("gives percentage points to one decimal", () => {
    expect(pointsChange(55.3, 53)).toBe(2.3); // 2.2999999999999972 in floats
    expect(pointsChange(61.2345, 63.5)).toBe(-2.3); // −2.2655
    expect(pointsChange(40, 40)).toBe(0);
  });

  it("takes the change between the figures as shown (one decimal)", () => {
    // 55.04 % shows as 55.0 %, 52.96 % as 53.0 %: the tile says +2.0 pts, not the raw +2.1.
    expect(pointsChange(55.04, 52.96)).toBe(2.1);
    expect(shownPointsChange(55.04, 52.96)).toBe(2);
    expect(shownPointsChange(null, 52.96)).toBeNull();
  });

  it("is null when either side has no figure", () => {
    expect(pointsChange(55, null)).toBeNull();
    expect(pointsChange(null, 55)).toBeNull();
    expect(difference(3, null)).toBeNull();
    expect(relativeChange(undefined, 2)).toBeNull();
  });

  it("gives the difference of counts and amounts", () => {
    expect(difference(412, 430)).toBe(-18);
    expect(difference(0, 0)).toBe(0);
  });

  it("gives the relative change in percent, none from a zero base", () => {
    expect(relativeChange(790.1, 812.4)).toBe(-2.7); // −22.3 / 812.4 = −2.745 %
    expect(relativeChange(12, 8)).toBe(50);
    expect(relativeChange(5, 0)).toBeNull();
  });
});
