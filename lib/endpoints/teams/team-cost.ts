// A team's KMS cost on its scorecard (GET /api/teams/scorecard): month to date against the same
// days of the month before, the last full month and the monthly trend. Cost rows carry the business
// unit, account and region only (kms-cost-summary.ts CostFilters): the scorecard reports the other
// filters as not applied (lib/queries/overview-filters.ts), as the overview's cost tiles do.
import type { Db } from "@/lib/db/client";
import { type Day, dayToDate, toDay } from "@/lib/domain/days";
import { relativeChange } from "@/lib/domain/period-change";
import { costWindows, sameDaysMonthBefore, windowTotal, type CostFilters, type CostWindow } from "@/lib/queries/kms-cost-summary";
import { costByBu } from "@/lib/queries/kpi/cost-by-bu";

/** Months of cost in the trend, the running one included. */
const TREND_MONTHS = 6;

/** A cost window's usage total; null ("no data", never $0.00) when no day of it is stored. */
async function windowCost(db: Db, window: CostWindow, filters: CostFilters) {
  const w = await windowTotal(db, window, filters);
  return { from: toDay(window.from), to: toDay(window.to), total: w.days > 0 ? w.total : null };
}

/** filters.bu is the team (one business unit); account and region narrow its rows. */
export async function teamCost(db: Db, filters: CostFilters, latest: Day | null) {
  if (!latest) return null;
  const windows = costWindows(dayToDate(latest));
  const [y, m] = latest.split("-").map(Number) as [number, number];
  const trendFrom = toDay(new Date(Date.UTC(y, m - TREND_MONTHS, 1)));
  const [monthToDate, sameDaysBefore, lastFullMonth, trend] = await Promise.all([
    windowCost(db, windows.monthToDate, filters),
    windowCost(db, sameDaysMonthBefore(windows.monthToDate), filters),
    windowCost(db, windows.lastFullMonth, filters),
    costByBu(db, { granularity: "month", from: trendFrom, to: latest, ...filters }),
  ]);
  // filters.bu is one team: one row per month.
  const byMonth = new Map(trend.rows.map((r) => [r.period, r.total]));
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => toDay(new Date(Date.UTC(y, m - TREND_MONTHS + i, 1))));
  return {
    monthToDate,
    sameDaysMonthBefore: sameDaysBefore,
    /** Month to date against the same days of the month before, in %; null when either has no data or the base is 0. */
    changePct: relativeChange(monthToDate.total, sameDaysBefore.total),
    lastFullMonth,
    /** Usage per month, oldest first; the last one is the month to date; null = no data. */
    trend: months.map((month) => ({ month, total: byMonth.get(month) ?? null, partial: month === months.at(-1) })),
  };
}
