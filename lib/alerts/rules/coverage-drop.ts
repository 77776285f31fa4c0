// COVERAGE_DROP: a business unit's CMK coverage (by count, or by storage over resources of known
// size; DOMAIN.md §6.1) is at least N percentage points lower on the latest rollup day than 7 days
// before. A business unit without resources (or sized storage) on either day has no coverage to
// compare and is skipped.
import { z } from "zod";
import type { CoverageBuDaily } from "@/generated/prisma/client";
import { buLabel, buPath, defineRuleKind, inScope, type RuleHit } from "./types";
import { COMPARE_DAYS, coverageWeek } from "./coverage-week";

export const coverageDropParams = z.strictObject({
  measure: z.enum(["count", "storage"]).default("count"),
  /** Percentage points (0–100]. */
  minDropPoints: z.number().positive().max(100),
});

/** Coverage in percent, or null when there is nothing to divide by. */
export function coveragePercent(row: CoverageBuDaily, measure: "count" | "storage"): number | null {
  if (measure === "count") return row.resources > 0 ? (row.cmkResources * 100) / row.resources : null;
  return row.totalBytes > 0n ? Number((row.cmkBytes * 1_000_000n) / row.totalBytes) / 10_000 : null;
}

// Figures are compared at 4 decimals so 80 % − 75 % is a drop of exactly 5 points, not 4.999….
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const pct = (n: number) => `${n.toFixed(1)} %`;

export const coverageDropRule = defineRuleKind({
  kind: "COVERAGE_DROP",
  label: "Coverage drop",
  scoped: true,
  params: coverageDropParams,
  async evaluate(db, params, scope) {
    const week = await coverageWeek(db);
    if (!week) return [];
    const hits: RuleHit[] = [];
    for (const [bu, { now, before }] of week.units) {
      if (!inScope(scope, bu) || !before) continue;
      const after = coveragePercent(now, params.measure);
      const then = coveragePercent(before, params.measure);
      if (after === null || then === null) continue;
      const drop = round4(then - after);
      if (drop < params.minDropPoints) continue;
      const by = params.measure === "count" ? "by count" : "by storage";
      hits.push({
        subject: `bu:${bu}`,
        line: {
          text: `BU ${buLabel(bu)}: CMK coverage ${by} ${pct(then)} on ${week.before} → ${pct(after)} on ${week.day} (−${drop.toFixed(1)} points in ${COMPARE_DAYS} days, threshold ${params.minDropPoints})`,
          url: buPath("/", bu),
          severity: "high",
        },
        figures: { businessUnit: bu, measure: params.measure, before: round4(then), after: round4(after), drop, day: week.day, beforeDay: week.before },
      });
    }
    return hits;
  },
});
