import { describe, expect, it } from "vitest";
import { percentile, summarize } from "@/bench/lib/stats";

describe("summarize", () => {
  it("takes the nearest-rank median and p95 of the samples", () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i); // 20..1, unsorted
    const s = summarize(samples);
    expect(s.median).toBe(10); // rank ceil(0.5*20)=10
    expect(s.p95).toBe(19); // rank ceil(0.95*20)=19
    expect(s.min).toBe(1);
    expect(s.max).toBe(20);
    expect(s.mean).toBe(10.5);
  });

  it("answers NaN for no samples and the value itself for one", () => {
    expect(percentile([], 95)).toBeNaN();
    expect(summarize([7]).p95).toBe(7);
  });
});
