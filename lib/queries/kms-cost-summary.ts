import type { Db } from "@/lib/db/client";
import { costCategorySumsSql, roundMoney } from "@/lib/domain/money";
import { COST_SOURCE_SQL, chargesOf, sourceLabel, sourceOf, type CostCharges } from "./kpi/cost-source";
import { toDay } from "@/lib/domain/days";
import type { DimensionFilters } from "@/lib/domain/dimensions";

export interface CostWindow {
  /** First day, inclusive (UTC midnight). */
  from: Date;
  /** Last day, inclusive (UTC midnight). */
  to: Date;
}

export interface CostWindowTotal extends CostWindow, CostCharges {
  /** Usage only (keys + requests + other); the bill's credits, tax and corrections are apart, net adds them. */
  total: number;
  keys: number;
  requests: number;
  other: number;
  /** "bill (final)", "bill (provisional)" or "Cost Explorer" (a window lies in one month). */
  source: string;
}

/**
 * Month to date and the last full month, anchored on the latest day with cost data rather than
 * the wall clock: a stale dataset then shows its own month, labelled with its dates, instead
 * of an empty current month.
 */
export function costWindows(asOf: Date): { monthToDate: CostWindow; lastFullMonth: CostWindow; monthBefore: CostWindow } {
  const y = asOf.getUTCFullYear();
  const m = asOf.getUTCMonth();
  const day = (year: number, month: number, d: number) => new Date(Date.UTC(year, month, d));
  return {
    monthToDate: { from: day(y, m, 1), to: day(y, m, asOf.getUTCDate()) },
    lastFullMonth: { from: day(y, m - 1, 1), to: day(y, m, 0) },
    monthBefore: { from: day(y, m - 2, 1), to: day(y, m - 1, 0) },
  };
}

/**
 * The same days one month earlier (Dec 1–5 → Nov 1–5), clipped to that month's end: a month to
 * date compares with like days, not with a whole month (Mar 1–31 → Feb 1–28).
 */
export function sameDaysMonthBefore(window: CostWindow): CostWindow {
  const y = window.from.getUTCFullYear();
  const m = window.from.getUTCMonth();
  const lastOfMonthBefore = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: new Date(Date.UTC(y, m - 1, 1)), to: new Date(Date.UTC(y, m - 1, Math.min(window.to.getUTCDate(), lastOfMonthBefore))) };
}

/** The dimensions cost rows carry: no environment (the collector fetches the business-unit tag only) and no storage service (KMS bills keys and requests). */
export type CostFilters = Pick<DimensionFilters, "bu" | "account" | "region">;

/** The window is exactly one calendar month: its sums are the month's row of the rollup. */
function isCalendarMonth(window: CostWindow): boolean {
  const monthEnd = new Date(Date.UTC(window.from.getUTCFullYear(), window.from.getUTCMonth() + 1, 0));
  return window.from.getUTCDate() === 1 && window.to.getTime() === monthEnd.getTime();
}

/**
 * One window's billed cost per category, summed in SQL numeric at Cost Explorer's precision (never float +=).
 * A calendar month without an account or region filter reads cost_bu_monthly (the per-month, per-BU sums
 * of the same kms_cost rows, numeric(20,10) like the daily amounts, so the sums are identical) instead of a
 * month of daily rows: at organization scale that is ~230,000 rows per month and ~140 ms of the overview's
 * first request after a data change. The rollup has no account or region, so those filters read the days.
 */
export async function windowTotal(client: Db, window: CostWindow, { bu, account, region }: CostFilters = {}): Promise<CostWindowTotal & { days: number }> {
  type Sums = { keys: string; requests: string; other: string; total: string; credits: string; tax: string; corrections: string; adjustments: string; net: string };
  const monthly = isCalendarMonth(window) && !account?.length && !region?.length;
  const [row] = await client.$queryRawUnsafe<(Sums & { rows: number; cost_source: string | null; bill_final: boolean | null })[]>(
    monthly
      ? `SELECT count(*)::int AS rows,
       ${costCategorySumsSql("cost")}, ${COST_SOURCE_SQL}
     FROM cost_bu_monthly WHERE month = $1::date AND ($2::text[] IS NULL OR business_unit = ANY($2::text[]))`
      : `SELECT count(*)::int AS rows,
       ${costCategorySumsSql("unblended_cost")}, ${COST_SOURCE_SQL}
     FROM kms_cost WHERE day >= $1::date AND day <= $2::date AND ($3::text[] IS NULL OR business_unit = ANY($3::text[]))
       AND ($4::text[] IS NULL OR account_id = ANY($4::text[])) AND ($5::text[] IS NULL OR region = ANY($5::text[]))`,
    ...(monthly
      ? [toDay(window.from), bu ?? null]
      : [toDay(window.from), toDay(window.to), bu ?? null, account?.length ? account : null, region?.length ? region : null]),
  );
  const zero = "0";
  const sums = row ?? { rows: 0, keys: zero, requests: zero, other: zero, total: zero, credits: zero, tax: zero, corrections: zero, adjustments: zero, net: zero, cost_source: null, bill_final: null };
  const { costSource, billStatus } = sourceOf(sums);
  return {
    // Stored rows (daily or monthly): only ever compared with 0, "no data" rather than $0.00.
    days: sums.rows,
    ...window,
    total: roundMoney(sums.total),
    keys: roundMoney(sums.keys),
    requests: roundMoney(sums.requests),
    other: roundMoney(sums.other),
    ...chargesOf(sums),
    source: sourceLabel(costSource, billStatus),
  };
}
