// Where a cost figure comes from (issue 15): per month, the imported bill (final or provisional)
// or Cost Explorer. The choice itself is made once, in SQL (views bill_period, bill_cost_current and kms_cost, migrations
// 20261205143000_cost_source and 20261205143100_bill_period); this module names it for the API and the pages.
import type { Db } from "@/lib/db/client";
import { roundMoney } from "@/lib/domain/money";
import { type Day, toDay } from "@/lib/domain/days";

export type CostSource = "Bill" | "CostExplorer";
export type BillStatus = "final" | "provisional";

export interface MonthCostSource {
  /** First day of the month. */
  month: Day;
  source: CostSource;
  /** Bill months only: final once the export says so; the current month stays provisional. */
  billStatus: BillStatus | null;
  /** "bill (final)", "bill (provisional)" or "Cost Explorer": what the pages print. */
  label: string;
}

/** The non-usage charges of a cost sum (bill lines only; always 0 for Cost Explorer months). */
export interface CostCharges {
  credits: number;
  tax: number;
  corrections: number;
  adjustments: number;
  /** Usage total + credits + tax + corrections + adjustments. */
  net: number;
}

/** The first and last day of cost in either source (an index lookup each). */
export const COST_FIRST_DAY = `least((SELECT min(day) FROM kms_cost_daily), (SELECT min(day) FROM bill_cost_line))`;
export const COST_LAST_DAY = `greatest((SELECT max(day) FROM kms_cost_daily), (SELECT max(day) FROM bill_cost_line))`;

/** Source columns of a grouped query over kms_cost or cost_bu_monthly (one source per month). */
export const COST_SOURCE_SQL = `min(cost_source) AS cost_source, bool_and(bill_final) AS bill_final`;

export const billStatusOf = (final: boolean | null): BillStatus | null => (final === null ? null : final ? "final" : "provisional");

export function sourceLabel(source: CostSource, billStatus: BillStatus | null): string {
  return source === "Bill" ? `bill (${billStatus ?? "provisional"})` : "Cost Explorer";
}

export function sourceOf(row: { cost_source: string | null; bill_final: boolean | null }): { costSource: CostSource; billStatus: BillStatus | null } {
  const costSource: CostSource = row.cost_source === "Bill" ? "Bill" : "CostExplorer";
  return { costSource, billStatus: costSource === "Bill" ? billStatusOf(row.bill_final) : null };
}

export function chargesOf(row: { credits: string; tax: string; corrections: string; adjustments: string; net: string }): CostCharges {
  return {
    credits: roundMoney(row.credits),
    tax: roundMoney(row.tax),
    corrections: roundMoney(row.corrections),
    adjustments: roundMoney(row.adjustments),
    net: roundMoney(row.net),
  };
}

/** The source of every month holding cost in [from, to] (days; whole months), oldest first. */
export async function costSourcesByMonth(db: Db, from: Day, to: Day): Promise<MonthCostSource[]> {
  const rows = await db.$queryRawUnsafe<{ month: Date; cost_source: string; bill_final: boolean | null }[]>(
    `SELECT month, ${COST_SOURCE_SQL} FROM cost_bu_monthly
     WHERE month >= date_trunc('month', $1::date)::date AND month <= $2::date GROUP BY 1 ORDER BY 1`,
    from,
    to,
  );
  return rows.map((r) => {
    const { costSource, billStatus } = sourceOf(r);
    return { month: toDay(r.month), source: costSource, billStatus, label: sourceLabel(costSource, billStatus) };
  });
}
