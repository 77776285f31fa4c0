import { describe, expect, it } from "vitest";
import { describeDuration, estimateRecompute } from "@/lib/settings/recompute-estimate";

describe("estimateRecompute", () => {
  it("names what a change recomputes, in the order save.ts runs it", () => {
    expect(estimateRecompute(["unusedKeyDays"], 0).recomputed).toEqual(["keyFindings", "savings"]);
    expect(estimateRecompute(["targets"], 1_000_000)).toEqual({ recomputed: [], seconds: 0 });
  });

  it("scales with the history: 100,000 rows through the dims/compliance pass (5,000/s, once) and findings (50,000/s)", () => {
    // environmentTagKey → resourceDims + compliance, one pass: 100000 / 5000 = 20 s.
    expect(estimateRecompute(["environmentTagKey"], 100_000).seconds).toBeCloseTo(20, 6);
    // + classifications (compliance, same pass) + aliasPattern (keyFindings: 100000 / 50000 = 2 s).
    expect(estimateRecompute(["environmentTagKey", "cmkRequiredClassifications", "aliasPattern"], 100_000).seconds).toBeCloseTo(22, 6);
    // savings and modeled cost are computed when read: free at save time.
    expect(estimateRecompute(["bucketKeyReduction"], 100_000).seconds).toBe(0);
  });
});

describe("describeDuration", () => {
  it("words seconds roughly", () => {
    expect(describeDuration(0)).toBe("under a second");
    expect(describeDuration(1.2)).toBe("about 1 second");
    expect(describeDuration(40.4)).toBe("about 40 seconds");
    expect(describeDuration(200)).toBe("about 3 minutes");
  });
});
