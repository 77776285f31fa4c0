// NONCOMPLIANT_RISE: a business unit has at least N more non-compliant resources (all reasons,
// DOMAIN.md §6.2) on the latest rollup day than 7 days before. A business unit absent then had
// none, as long as the rollups reach back that far (otherwise nothing is compared).
import { z } from "zod";
import { buLabel, buPath, defineRuleKind, inScope, type RuleHit } from "./types";
import { COMPARE_DAYS, coverageWeek, nonCompliant } from "./coverage-week";

export const noncompliantRiseParams = z.strictObject({
  /** Resources (a whole number ≥ 1). */
  minRise: z.number().int().min(1),
});

export const noncompliantRiseRule = defineRuleKind({
  kind: "NONCOMPLIANT_RISE",
  label: "Non-compliant resources rising",
  scoped: true,
  params: noncompliantRiseParams,
  async evaluate(db, params, scope) {
    const week = await coverageWeek(db);
    if (!week?.hasBefore) return [];
    const hits: RuleHit[] = [];
    for (const [bu, { now, before }] of week.units) {
      if (!inScope(scope, bu)) continue;
      const after = nonCompliant(now);
      const then = before ? nonCompliant(before) : 0;
      const rise = after - then;
      if (rise < params.minRise) continue;
      hits.push({
        subject: `bu:${bu}`,
        line: {
          text: `BU ${buLabel(bu)}: ${after} non-compliant resources on ${week.day}, ${then} on ${week.before} (+${rise} in ${COMPARE_DAYS} days, threshold ${params.minRise})`,
          url: buPath("/resources", bu),
          severity: "high",
        },
        figures: { businessUnit: bu, before: then, after, rise, day: week.day, beforeDay: week.before },
      });
    }
    return hits;
  },
});
