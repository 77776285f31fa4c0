// The gap between a business unit and its coverage target, in the unit people act on: resources
// to move to a customer managed key. "To reach 90 %: 412 resources to move" is the smallest n with
// (cmk + n) / resources ≥ 90 %, in integers (a float 0.9 × 10 = 9.000000000000002 would ask for 10).

/** Resources to move onto a CMK for coverage by count to reach `targetPct`; 0 when already there, null without resources. */
export function resourcesToMove(cmkResources: number, resources: number, targetPct: number): number | null {
  if (resources === 0) return null;
  // Target in hundredths of a percent, so 90.5 % stays an integer: n ≥ target × resources / 10,000 − cmk.
  const targetBp = Math.round(targetPct * 100);
  const needed = Math.ceil((targetBp * resources) / 10_000 - 1e-9);
  return Math.max(0, Math.min(resources, needed) - cmkResources);
}

export type TargetStatus = "met" | "missed" | "no data";

/** A figure against its target: "at most" targets (non-compliant count, MTTP days) and "at least" ones (coverage). */
export function againstTarget(value: number | null, target: number, direction: "atLeast" | "atMost"): TargetStatus {
  if (value === null) return "no data";
  return (direction === "atLeast" ? value >= target : value <= target) ? "met" : "missed";
}
