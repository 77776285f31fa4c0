// The periods the finance path offers: the last full calendar month (the default of the
// chargeback export: a closed month, not 14 months ending in a partial one), the page's date
// range, or every month with cost. Months are YYYY-MM, as the chargeback endpoints take them.
import type { GlobalFilters } from "@/components/filters/filter-params";

export type FinancePeriod = "lastFullMonth" | "pageRange" | "all";

/** The calendar month before `today`'s (UTC): on Dec 5, 2026 it is 2026-11. */
export function lastFullMonth(today: Date): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

/** from/to months of a period; {} for all months. */
export function periodMonths(period: FinancePeriod, filters: Pick<GlobalFilters, "from" | "to">, today: Date): { from?: string; to?: string } {
  if (period === "lastFullMonth") {
    const month = lastFullMonth(today);
    return { from: month, to: month };
  }
  if (period === "pageRange") return { ...(filters.from ? { from: filters.from.slice(0, 7) } : {}), ...(filters.to ? { to: filters.to.slice(0, 7) } : {}) };
  return {};
}

/** The month Billed vs modeled shows: the last month of the page's date range, else the API's default (the latest with cost). */
export function modeledMonth(filters: Pick<GlobalFilters, "from" | "to">): { month?: string } {
  const last = filters.to ?? filters.from;
  return last ? { month: last.slice(0, 7) } : {};
}

/**
 * "no data" or "partial" for a month the cost data does not cover (the stored cost's first and
 * last day, GET /api/freshness): a month after the last cost day must not read as $0.00.
 */
export function monthCoverage(month: string, costs: { from: string | null; through: string | null }): "covered" | "partial" | "no data" {
  if (!costs.from || !costs.through) return "no data";
  const first = `${month}-01`;
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  if (costs.through < first || costs.from > last) return "no data";
  return costs.through < last || costs.from > first ? "partial" : "covered";
}
