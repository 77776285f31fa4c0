// What the monthly showback pack shows for one calendar month, read with the queries behind the
// dashboard's pages (no KPI computed twice):
//   coverage per BU      = the overview's coverage summary, on the month's last day with rollups
//   cost per BU          = GET /api/costs/by-bu?granularity=month&from=<month>-01&to=<month end>
//   month total, before  = the overview's cost windows (lib/queries/kms-cost-summary)
//   savings              = GET /api/savings/bucket-keys and /api/savings/idle-keys (projections
//                          from the current inventory: they have no month, the pack says so)
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { getCoverageSummaryOn, getOrganizationCoverageOn, type CoverageFigures, type CoverageSummary } from "@/lib/queries/coverage-summary";
import { getKeyCounts, type KeyCounts } from "@/lib/queries/key-counts";
import { bucketKeySavingsReport } from "@/lib/queries/kpi/bucket-key-savings";
import { costByGroup, type CostGroupRow } from "@/lib/queries/kpi/cost-by-bu";
import { idleKeySavingsReport } from "@/lib/queries/kpi/idle-key-savings";
import { windowTotal, type CostWindowTotal } from "@/lib/queries/kms-cost-summary";
import { COMPARE_DAYS } from "@/lib/domain/period-change";
import { type Day, addDays, dayToDate, toDay } from "@/lib/domain/days";

/** A calendar month, "2026-11". */
export const monthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month like 2026-11")
  .refine((m) => Number(m.slice(0, 4)) >= 2000, "must be a month from 2000 on");

/** First and last day of a month. */
export function monthDays(month: string): { from: Day; to: Day } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return { from: toDay(new Date(Date.UTC(y, m - 1, 1))), to: toDay(new Date(Date.UTC(y, m, 0))) };
}

/** The month before, "2026-01" → "2025-12". */
export function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return toDay(new Date(Date.UTC(y, m - 2, 1))).slice(0, 7);
}

export interface ShowbackData {
  month: string;
  from: Day;
  to: Day;
  /** The last day of the month with coverage rollups (the month's closing figures); null when none. */
  coverage: CoverageSummary | null;
  coverageBefore: { day: Date; organization: CoverageFigures } | null;
  cost: { month: CostWindowTotal; monthBefore: CostWindowTotal | null; byBusinessUnit: CostGroupRow[] };
  keys: KeyCounts;
  savings: {
    bucketKeys: { exact: number | null; estimated: number | null; buckets: number; noData: number };
    idleKeys: { monthly: number; keys: number };
  };
}

async function lastCoverageDayIn(db: Db, from: Day, to: Day): Promise<Date | null> {
  const row = await db.coverageBuDaily.findFirst({ where: { day: { gte: dayToDate(from), lte: dayToDate(to) } }, orderBy: { day: "desc" }, select: { day: true } });
  return row?.day ?? null;
}

export async function showbackData(db: Db, month: string): Promise<ShowbackData> {
  const { from, to } = monthDays(month);
  const before = monthDays(previousMonth(month));
  const page = { page: 1, pageSize: 1 };
  const [coverageDay, byBu, monthTotal, beforeTotal, keys, buckets, idle] = await Promise.all([
    lastCoverageDayIn(db, from, to),
    costByGroup(db, { granularity: "month", groupBy: "bu", from, to }),
    windowTotal(db, { from: dayToDate(from), to: dayToDate(to) }),
    windowTotal(db, { from: dayToDate(before.from), to: dayToDate(before.to) }),
    getKeyCounts(db),
    bucketKeySavingsReport(db, page),
    idleKeySavingsReport(db, page),
  ]);
  const coverage = coverageDay ? await getCoverageSummaryOn(db, coverageDay) : null;
  const coverageBefore = coverageDay ? await getOrganizationCoverageOn(db, dayToDate(addDays(toDay(coverageDay), -COMPARE_DAYS))) : null;
  const strip = ({ days, ...total }: CostWindowTotal & { days: number }) => (days > 0 ? total : null);
  return {
    month,
    from,
    to,
    coverage: coverage && coverage.byBusinessUnit.length ? coverage : null,
    coverageBefore,
    cost: { month: strip(monthTotal) ?? { ...monthTotal, total: 0 }, monthBefore: strip(beforeTotal), byBusinessUnit: byBu.rows },
    keys,
    savings: {
      bucketKeys: { exact: buckets.totals.exact, estimated: buckets.totals.estimated, buckets: buckets.totals.buckets, noData: buckets.totals.noData },
      idleKeys: { monthly: idle.monthlySavings, keys: idle.total },
    },
  };
}
