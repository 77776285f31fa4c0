import type { Db } from "@/lib/db/client";
import { COST_FIRST_DAY, COST_LAST_DAY } from "@/lib/queries/kpi/cost-source";
import { type Day, toDay } from "@/lib/domain/days";

/**
 * Rebuilds cost per business unit and month for every month touching [fromDay, toDay], from the
 * view kms_cost: each month from its cost source (the bill where imported, Cost Explorer
 * otherwise), credits, tax and corrections kept apart from usage by their charge kind.
 */
export async function recomputeCostMonthly(db: Db, fromDay: Day, toDay: Day): Promise<void> {
  await db.$transaction(async (tx) => {
    const from = `date_trunc('month', $1::date)::date`;
    const to = `(date_trunc('month', $2::date) + interval '1 month')::date`;
    await tx.$executeRawUnsafe(`DELETE FROM cost_bu_monthly WHERE month >= ${from} AND month < ${to}`, fromDay, toDay);
    await tx.$executeRawUnsafe(
      `INSERT INTO cost_bu_monthly (month, business_unit, category, charge_kind, cost, cost_source, bill_final)
       SELECT date_trunc('month', day)::date, business_unit, category, charge_kind, sum(unblended_cost), min(cost_source), bool_and(bill_final)
       FROM kms_cost WHERE day >= ${from} AND day < ${to}
       GROUP BY 1, 2, 3, 4`,
      fromDay,
      toDay,
    );
  }, { timeout: 600_000, maxWait: 60_000 }); // 13 months of a large estate is ~3M cost rows
}

/**
 * Rebuilds every month holding cost from either source: after a bill import (the period may
 * switch source) or a change of the costSource setting.
 */
export async function recomputeAllCostMonths(db: Db): Promise<void> {
  const [range] = await db.$queryRawUnsafe<{ first: Date | null; last: Date | null }[]>(
    `SELECT ${COST_FIRST_DAY} AS first, ${COST_LAST_DAY} AS last`,
  );
  if (!range?.first || !range.last) {
    await db.$executeRawUnsafe(`DELETE FROM cost_bu_monthly`);
    return;
  }
  await recomputeCostMonthly(db, toDay(range.first), toDay(range.last));
}
