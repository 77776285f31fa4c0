// The trend charts mark every settings recompute in their days, not only the latest (issue 19).
import { describe, expect, it } from "vitest";
import { recomputeDays } from "@/components/charts/recompute-days";

describe("recomputeDays", () => {
  const days = ["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"];

  it("marks each day in the chart on which a recompute finished, once, in the chart's order", () => {
    const recomputes = ["2026-12-02T08:00:00.000Z", "2026-12-02T07:00:00.000Z", "2026-11-30T23:59:59.999Z", "2026-11-01T10:00:00.000Z"];
    expect(recomputeDays(recomputes, days)).toEqual(["2026-11-30", "2026-12-02"]);
  });

  it("marks nothing outside the chart's days or without recomputes", () => {
    expect(recomputeDays(["2026-12-03T00:00:00.000Z"], days)).toEqual([]);
    expect(recomputeDays([], days)).toEqual([]);
  });
});
