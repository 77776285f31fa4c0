// COST_PROJECTION: a business unit's KMS cost month to date, projected linearly to the month's
// end, is at least X % above its cost last month. Linear on the covered days: month-to-date cost
// ÷ the days from the 1st through the latest day of cost data × the days in the month. A business
// unit without cost last month has no base to compare with and is skipped.
import { z } from "zod";
import { buLabel, buPath, defineRuleKind, inScope, type RuleHit } from "./types";
import { toDay } from "@/lib/domain/days";

export const costProjectionParams = z.strictObject({
  /** Percent above last month (> 0). */
  minIncreasePercent: z.number().positive().max(100_000),
});

interface ProjectionRow {
  business_unit: string;
  latest: Date;
  covered_days: number;
  month_days: number;
  mtd: string;
  last_month: string;
  projected: string;
  increase: string;
}

// Computed in numeric, not floating point, so a projection exactly X % above is X %, not X − ε.
// Reads kms_cost (the bill where imported, Cost Explorer otherwise) and usage only: a credit or
// a tax line is not a change in consumption.
const PROJECTION_SQL = `
  WITH latest AS (SELECT max(day) AS day FROM kms_cost WHERE charge_kind = 'Usage'),
  bounds AS (
    SELECT day AS latest, date_trunc('month', day)::date AS month_start,
           extract(day FROM day)::int AS covered_days,
           extract(day FROM (date_trunc('month', day) + interval '1 month - 1 day'))::int AS month_days
    FROM latest WHERE day IS NOT NULL
  ),
  per_bu AS (
    SELECT c.business_unit,
           sum(c.unblended_cost) FILTER (WHERE c.day >= b.month_start) AS mtd,
           sum(c.unblended_cost) FILTER (WHERE c.day < b.month_start) AS last_month
    FROM kms_cost c CROSS JOIN bounds b
    WHERE c.charge_kind = 'Usage' AND c.day >= (b.month_start - interval '1 month')::date AND c.day <= b.latest
    GROUP BY c.business_unit
  )
  SELECT p.business_unit, b.latest, b.covered_days, b.month_days,
         round(coalesce(p.mtd, 0), 2)::text AS mtd, round(p.last_month, 2)::text AS last_month,
         round(coalesce(p.mtd, 0) * b.month_days / b.covered_days, 2)::text AS projected,
         round((coalesce(p.mtd, 0) * b.month_days / b.covered_days - p.last_month) * 100 / p.last_month, 4)::text AS increase
  FROM per_bu p CROSS JOIN bounds b
  WHERE p.last_month > 0
  ORDER BY p.business_unit`;

const usd = (s: string) => `$${Number(s).toFixed(2)}`;

export const costProjectionRule = defineRuleKind({
  kind: "COST_PROJECTION",
  label: "Cost projected above last month",
  scoped: true,
  params: costProjectionParams,
  async evaluate(db, params, scope) {
    const rows = await db.$queryRawUnsafe<ProjectionRow[]>(PROJECTION_SQL);
    const hits: RuleHit[] = [];
    for (const row of rows) {
      const increase = Number(row.increase);
      if (!inScope(scope, row.business_unit) || increase < params.minIncreasePercent) continue;
      const latest = toDay(row.latest);
      hits.push({
        subject: `bu:${row.business_unit}`,
        line: {
          text:
            `BU ${buLabel(row.business_unit)}: KMS cost ${usd(row.mtd)} month to date (through ${latest}) projects to ${usd(row.projected)}, ` +
            `+${increase.toFixed(1)} % on last month's ${usd(row.last_month)} (threshold ${params.minIncreasePercent} %; ` +
            `linear projection: ${row.covered_days} covered days scaled to ${row.month_days})`,
          url: buPath("/costs", row.business_unit),
          severity: "medium",
        },
        figures: {
          businessUnit: row.business_unit, monthToDate: row.mtd, projected: row.projected, lastMonth: row.last_month,
          increasePercent: increase, coveredDays: row.covered_days, monthDays: row.month_days, through: latest,
        },
      });
    }
    return hits;
  },
});
