// The pure parts of the rule kinds: which findings a KEY_FINDING rule takes, coverage in percent
// by count and by storage, and the params each kind accepts.
import { describe, expect, it } from "vitest";
import type { CoverageBuDaily } from "@/generated/prisma/client";
import { coveragePercent } from "@/lib/alerts/rules/coverage-drop";
import { findingMatches, keyFindingParams } from "@/lib/alerts/rules/key-finding";
import { RULE_KINDS } from "@/lib/alerts/rules";

const params = (input: object) => keyFindingParams.parse(input);

describe("KEY_FINDING params", () => {
  it("takes high and critical findings by default", () => {
    expect(["critical", "high", "medium", "low"].map((s) => findingMatches(params({}), "X", s))).toEqual([true, true, false, false]);
  });
  it("takes the chosen codes at any severity unless a minimum is given too", () => {
    const codes = params({ codes: ["MISSING_TAGS"] });
    expect(findingMatches(codes, "MISSING_TAGS", "low")).toBe(true);
    expect(findingMatches(codes, "PUBLIC_POLICY", "critical")).toBe(false);
    expect(findingMatches(params({ codes: ["MISSING_TAGS", "ROTATION_DISABLED"], minSeverity: "medium" }), "MISSING_TAGS", "low")).toBe(false);
    expect(findingMatches(params({ codes: ["MISSING_TAGS", "ROTATION_DISABLED"], minSeverity: "medium" }), "ROTATION_DISABLED", "medium")).toBe(true);
  });
  it("refuses unknown codes and unknown fields", () => {
    expect(keyFindingParams.safeParse({ codes: ["NOPE"] }).success).toBe(false);
    expect(keyFindingParams.safeParse({ minSeverity: "high", extra: 1 }).success).toBe(false);
  });
});

describe("coverage in percent", () => {
  const row = (r: Partial<CoverageBuDaily>) => ({ resources: 0, cmkResources: 0, totalBytes: 0n, cmkBytes: 0n, ...r }) as CoverageBuDaily;
  it("by count: CMK resources over resources; by storage: CMK bytes over sized bytes", () => {
    expect(coveragePercent(row({ resources: 20, cmkResources: 15 }), "count")).toBe(75);
    expect(coveragePercent(row({ totalBytes: 3n, cmkBytes: 1n }), "storage")).toBe(33.3333);
  });
  it("has no coverage without resources or sized bytes", () => {
    expect(coveragePercent(row({}), "count")).toBeNull();
    expect(coveragePercent(row({ resources: 4 }), "storage")).toBeNull();
  });
});

describe("rule kind params", () => {
  it("bound every threshold", () => {
    expect(RULE_KINDS.COVERAGE_DROP.params.safeParse({ minDropPoints: 101 }).success).toBe(false);
    expect(RULE_KINDS.NONCOMPLIANT_RISE.params.safeParse({ minRise: 0 }).success).toBe(false);
    expect(RULE_KINDS.COST_PROJECTION.params.safeParse({ minIncreasePercent: -5 }).success).toBe(false);
    expect(RULE_KINDS.INGESTION_HEALTH.params.parse({ maxAgeHours: 36 })).toEqual({ maxAgeHours: 36, includePartial: true });
    expect(RULE_KINDS.COVERAGE_DROP.params.parse({ minDropPoints: 5 })).toEqual({ measure: "count", minDropPoints: 5 });
  });
});
