import { describe, expect, it } from "vitest";
import { costChangeText, countChangeText, pointsChangeText } from "@/lib/domain/change-text";

describe("tile change text", () => {
  it("signs coverage points, up being better", () => {
    expect(pointsChangeText(2.3, "30 days ago")).toEqual({ text: "+2.3 pts vs 30 days ago", tone: "better" });
    expect(pointsChangeText(-0.5, "30 days ago")).toEqual({ text: "-0.5 pts vs 30 days ago", tone: "worse" });
    expect(pointsChangeText(0, "30 days ago")).toEqual({ text: "±0.0 pts vs 30 days ago", tone: "neutral" });
  });

  it("treats more non-compliant resources as worse", () => {
    expect(countChangeText(-3, "30 days ago")).toEqual({ text: "-3 vs 30 days ago", tone: "better" });
    expect(countChangeText(12, "30 days ago")).toEqual({ text: "+12 vs 30 days ago", tone: "worse" });
  });

  it("shows cost change in dollars and percent without judging it", () => {
    expect(costChangeText(4, 50, "January 2026")).toEqual({ text: "+$4.00 (+50.0%) vs January 2026", tone: "neutral" });
    expect(costChangeText(-22.3, -2.7, "February 2026").text).toBe("-$22.30 (-2.7%) vs February 2026");
    expect(costChangeText(5, null, "January 2026").text).toBe("+$5.00 vs January 2026");
  });

  it("says when there is no earlier figure instead of showing zero", () => {
    expect(pointsChangeText(null, "30 days ago").text).toBe("no figure 30 days ago");
    expect(countChangeText(null, "30 days ago").text).toBe("no figure 30 days ago");
    expect(costChangeText(null, null, "January 2026").text).toBe("no cost data for January 2026");
  });
});
