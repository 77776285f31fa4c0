// GET /api/costs/reconciliation: bill vs Cost Explorer per month and business unit (issue 15): both sides usage only, like for
// like (the bill's credits, tax, corrections and adjustments are shown beside, not compared), and
// the difference absolute and in percent of Cost Explorer. Read from both sources whatever the
// costSource setting, so a FinOps person can explain the gap before switching. A month that only
// one source holds is marked: its other side is null ("no data"), not $0.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { dimensionParams } from "@/lib/api/params";
import { wholeMonthParams } from "@/lib/export/chargeback-params";
import type { Db } from "@/lib/db/client";
import { moneySql, roundMoneyOrNull } from "@/lib/domain/money";
import { relativeChange } from "@/lib/domain/period-change";
import { latestCostDay, thirteenMonthsBack } from "@/lib/queries/kpi/as-of";
import { billStatusOf, type BillStatus } from "@/lib/queries/kpi/cost-source";
import { type Day, toDay } from "@/lib/domain/days";
import { buLabel } from "@/lib/domain/business-unit";

export type ReconciliationStatus = "both" | "billOnly" | "costExplorerOnly";

export interface ReconciliationMonth {
  month: Day;
  status: ReconciliationStatus;
  /** Bill months: final or provisional (the current month until the export says final). */
  billStatus: BillStatus | null;
  bill: number | null;
  costExplorer: number | null;
  difference: number | null;
  differencePct: number | null;
}

export interface ReconciliationRow extends Omit<ReconciliationMonth, "billStatus"> {
  businessUnit: string;
  /** The bill's credits, tax, corrections and adjustments of the BU-month (not in `bill`). */
  billOtherCharges: number | null;
}

export interface CostReconciliation {
  from: Day | null;
  to: Day | null;
  /** Per month over the BUs shown. */
  months: ReconciliationMonth[];
  rows: ReconciliationRow[];
}

const STATUS = (hasBill: boolean, hasCe: boolean): ReconciliationStatus => (hasBill && hasCe ? "both" : hasBill ? "billOnly" : "costExplorerOnly");

function compared(bill: string | null, ce: string | null, hasBill: boolean, hasCe: boolean) {
  // Inside a month a source holds, a BU it has no line for is $0; outside, "no data".
  const b = hasBill ? roundMoneyOrNull(bill ?? 0) : null;
  const c = hasCe ? roundMoneyOrNull(ce ?? 0) : null;
  const difference = b !== null && c !== null ? roundMoneyOrNull(b - c) : null;
  return { status: STATUS(hasBill, hasCe), bill: b, costExplorer: c, difference, differencePct: relativeChange(b, c) };
}

/** Months of [from, to] (days; whole months) holding either source; default the 13 months to the latest cost day. */
export async function costReconciliation(db: Db, query: { from?: Day; to?: Day; bu?: string[] }): Promise<CostReconciliation> {
  const latest = await latestCostDay(db);
  const to = query.to ?? latest;
  if (!to) return { from: null, to: null, months: [], rows: [] };
  const from = `${(query.from ?? thirteenMonthsBack(to)).slice(0, 7)}-01`;
  const rows = await db.$queryRawUnsafe<{
    month: Date; bu: string | null; bill: string | null; ce: string | null; other: string | null; has_bill: boolean; has_ce: boolean; final: boolean | null;
  }[]>(
    `WITH months AS (
       SELECT m::date AS month,
              EXISTS (SELECT 1 FROM bill_period b WHERE b.billing_period = m::date) AS has_bill,
              EXISTS (SELECT 1 FROM kms_cost_daily c WHERE c.day >= m::date AND c.day < m::date + interval '1 month') AS has_ce
       FROM generate_series($1::date, $2::date, interval '1 month') AS m
     ),
     bill AS (
       SELECT billing_period AS month, business_unit, sum(billed_cost) FILTER (WHERE charge_kind = 'Usage') AS usage,
              sum(billed_cost) FILTER (WHERE charge_kind <> 'Usage') AS other, bool_and(final) AS final
       FROM bill_cost_current WHERE billing_period >= $1::date AND billing_period <= $2::date
         AND ($3::text[] IS NULL OR business_unit = ANY($3::text[]))
       GROUP BY 1, 2
     ),
     ce AS (
       SELECT date_trunc('month', day)::date AS month, business_unit, sum(unblended_cost) AS usage
       FROM kms_cost_daily WHERE day >= $1::date AND day < ($2::date + interval '1 month')
         AND ($3::text[] IS NULL OR business_unit = ANY($3::text[]))
       GROUP BY 1, 2
     ),
     pairs AS (SELECT coalesce(b.month, c.month) AS month, coalesce(b.business_unit, c.business_unit) AS bu, b.usage AS bill, c.usage AS ce, b.other, b.final
               FROM bill b FULL JOIN ce c ON c.month = b.month AND c.business_unit = b.business_unit)
     SELECT m.month, p.bu, ${moneySql("p.bill")} AS bill, ${moneySql("p.ce")} AS ce, ${moneySql("p.other")} AS other, m.has_bill, m.has_ce, NULL AS final
     FROM months m JOIN pairs p ON p.month = m.month
     UNION ALL
     -- One row per month (bu NULL): the month's figures over the BUs shown and its bill status.
     SELECT m.month, NULL, ${moneySql("sum(p.bill)")}, ${moneySql("sum(p.ce)")}, ${moneySql("sum(p.other)")}, m.has_bill, m.has_ce,
            (SELECT b.final FROM bill_period b WHERE b.billing_period = m.month)
     FROM months m LEFT JOIN pairs p ON p.month = m.month
     WHERE m.has_bill OR m.has_ce GROUP BY m.month, m.has_bill, m.has_ce
     ORDER BY 1, 2 NULLS FIRST`,
    from,
    to,
    query.bu ?? null,
  );
  const months: ReconciliationMonth[] = [];
  const out: ReconciliationRow[] = [];
  for (const r of rows) {
    const month = toDay(r.month);
    const figures = compared(r.bill, r.ce, r.has_bill, r.has_ce);
    if (r.bu === null) months.push({ month, ...figures, billStatus: r.has_bill ? billStatusOf(r.final ?? false) : null });
    else out.push({ month, businessUnit: buLabel(r.bu), ...figures, billOtherCharges: r.has_bill ? roundMoneyOrNull(r.other ?? 0) : null });
  }
  return { from, to, months, rows: out };
}

export const costReconciliationEndpoint = defineEndpoint({
  route: "GET /api/costs/reconciliation",
  access: "read",
  // Whole months, as the chargeback: a month (2026-03) or a day standing for its month.
  params: z.strictObject({ ...wholeMonthParams, bu: dimensionParams.bu }),
  query: (db, params) => costReconciliation(db, params),
});
