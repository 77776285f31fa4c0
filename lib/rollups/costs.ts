import type { Db } from "@/lib/db/client";
import type { Day } from "@/lib/store/types";

/** Rebuilds cost per business unit and month for every month touching [fromDay, toDay]. */
export async function recomputeCostMonthly(db: Db, fromDay: Day, toDay: Day): Promise<void> {
  await db.$transaction(async (tx) => {
    const from = `date_trunc('month', $1::date)::date`;
    const to = `(date_trunc('month', $2::date) + interval '1 month')::date`;
    await tx.$executeRawUnsafe(`DELETE FROM cost_bu_monthly WHERE month >= ${from} AND month < ${to}`, fromDay, toDay);
    await tx.$executeRawUnsafe(
      `INSERT INTO cost_bu_monthly (month, business_unit, category, cost)
       SELECT date_trunc('month', day)::date, business_unit, category, sum(unblended_cost)
       FROM kms_cost_daily WHERE day >= ${from} AND day < ${to}
       GROUP BY 1, 2, 3`,
      fromDay,
      toDay,
    );
  }, { timeout: 600_000, maxWait: 60_000 }); // 13 months of a large estate is ~3M cost rows
}
