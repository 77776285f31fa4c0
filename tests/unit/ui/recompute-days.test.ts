// The trend charts mark every settings recompute of what they show in their days, not only the
// latest (issue 19), and not a recompute that left their history as it was.
import { describe, expect, it } from "vitest";
import { COVERAGE_HISTORY, recomputeDays } from "@/components/charts/recompute-days";

describe("recomputeDays", () => {
  const days = ["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"];
  const at = (finishedAt: string, ...recomputed: string[]) => ({ finishedAt, recomputed });

  it("marks each day in the chart on which a recompute finished, once, in the chart's order", () => {
    const recomputes = [at("2026-12-02T08:00:00.000Z", "compliance"), at("2026-12-02T07:00:00.000Z", "resourceDims"), at("2026-11-30T23:59:59.999Z", "resourceDims", "keyFindings"), at("2026-11-01T10:00:00.000Z", "compliance")];
    expect(recomputeDays(recomputes, days, COVERAGE_HISTORY)).toEqual(["2026-11-30", "2026-12-02"]);
  });

  it("does not mark a coverage chart for a recompute of key findings or savings only", () => {
    const recomputes = [at("2026-12-01T09:00:00.000Z", "keyFindings", "savings"), at("2026-11-29T09:00:00.000Z", "costs", "costModel")];
    expect(recomputeDays(recomputes, days, COVERAGE_HISTORY)).toEqual([]);
    expect(recomputeDays(recomputes, days, ["keyFindings"])).toEqual(["2026-12-01"]);
  });

  it("marks nothing outside the chart's days or without recomputes", () => {
    expect(recomputeDays([at("2026-12-03T00:00:00.000Z", "compliance")], days, COVERAGE_HISTORY)).toEqual([]);
    expect(recomputeDays([], days, COVERAGE_HISTORY)).toEqual([]);
  });
});
