// GET /api/costs/chargeback: chargeback per billing month and business unit (DOMAIN.md §6.4), in
// FOCUS column terms. The untagged cost either stays on its own "(untagged)" row (allocation
// "direct") or is shared among the tagged BUs of the same month in proportion to their tagged
// cost ("proportional"); the total billed is the same either way. A month with no tagged cost
// keeps its untagged row. Each month comes from its cost source (x_CostSource: the bill where
// imported, Cost Explorer otherwise); the bill's credits, tax and corrections have their own
// columns and are part of BilledCost (net, what the invoice says), while the allocation weights
// are tagged usage. The same parameters and months as the CSV (GET /api/export/chargeback).
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import type { Db } from "@/lib/db/client";
import { UNTAGGED } from "@/lib/domain/business-unit";
import { type Day } from "@/lib/domain/days";
import { allocateUnits, fromMoneyUnits, sumMoney, toMoneyUnits } from "@/lib/domain/money";
import { allocationParam, renamedAllocationParams } from "@/lib/export/chargeback-params";
import { monthFilterParams } from "./month-filters";
import type { AllocationMethod } from "@/lib/export/chargeback-rows";
import { costByBu } from "@/lib/queries/kpi/cost-by-bu";

export interface ChargebackRow {
  BillingPeriodStart: Day;
  ServiceName: "AWS Key Management Service";
  BillingCurrency: "USD";
  x_BusinessUnit: string;
  x_KeysCost: number;
  x_RequestsCost: number;
  x_OtherCost: number;
  /** Bill months only (0 for Cost Explorer): the BU's credits (negative), tax, corrections and other adjustments. */
  x_CreditsCost: number;
  x_TaxCost: number;
  x_CorrectionsCost: number;
  x_AdjustmentsCost: number;
  x_CostSource: "Bill" | "CostExplorer";
  /** The BU's own tagged cost: usage plus its credits, tax, corrections and adjustments. */
  x_DirectCost: number;
  /** Its share of the month's untagged cost (0 with allocation "direct"). */
  x_ReallocatedCost: number;
  BilledCost: number;
}

export interface Chargeback {
  allocation: AllocationMethod;
  from: Day | null;
  to: Day | null;
  rows: ChargebackRow[];
  total: number;
}

interface ChargebackQuery {
  from?: Day;
  to?: Day;
  account?: string[];
  region?: string[];
  /** Stored values ("" = untagged), applied after allocation; serve narrows it to the caller's scope. */
  bu?: string[];
  allocation: AllocationMethod;
}

export async function chargeback(db: Db, query: ChargebackQuery): Promise<Chargeback> {
  // The BU filter applies after allocation (as in the CSV export): untagged cost is needed to
  // share it, so a scoped reader's rows carry the same figures as the admin's.
  const costs = await costByBu(db, { granularity: "month", from: query.from, to: query.to, account: query.account, region: query.region });
  const months = new Map<Day, typeof costs.rows>();
  for (const row of costs.rows) months.set(row.period, [...(months.get(row.period) ?? []), row]);
  const rows: ChargebackRow[] = [];
  for (const [month, buRows] of months) {
    // In integer units of 1e-10 USD (Cost Explorer's precision): the shares of the untagged cost
    // are split by largest remainder, so they add up to it to the last digit. The row figures come
    // rounded from SQL; a double holds a 10-decimal amount exactly up to ~$450,000 per BU-month.
    const untagged = toMoneyUnits(buRows.find((r) => r.businessUnit === UNTAGGED)?.net ?? 0);
    const tagged = buRows.filter((r) => r.businessUnit !== UNTAGGED);
    const taggedUnits = tagged.map((r) => toMoneyUnits(r.total));
    const shareUntagged = query.allocation === "proportional" && untagged !== 0n && taggedUnits.reduce((a, u) => a + u, 0n) > 0n;
    const shares = new Map(shareUntagged ? allocateUnits(untagged, taggedUnits).map((share, i) => [tagged[i]!.businessUnit, share]) : []);
    for (const r of buRows) {
      if (shareUntagged && r.businessUnit === UNTAGGED) continue;
      // query.bu holds stored values ("" = untagged), rows hold labels.
      if (query.bu?.length && !query.bu.includes(r.businessUnit === UNTAGGED ? "" : r.businessUnit)) continue;
      const share = shares.get(r.businessUnit) ?? 0n;
      rows.push({
        BillingPeriodStart: month,
        ServiceName: "AWS Key Management Service",
        BillingCurrency: "USD",
        x_BusinessUnit: r.businessUnit,
        x_KeysCost: r.keys,
        x_RequestsCost: r.requests,
        x_OtherCost: r.other,
        x_CreditsCost: r.credits,
        x_TaxCost: r.tax,
        x_CorrectionsCost: r.corrections,
        x_AdjustmentsCost: r.adjustments,
        x_CostSource: r.costSource,
        x_DirectCost: r.net,
        x_ReallocatedCost: fromMoneyUnits(share),
        BilledCost: fromMoneyUnits(toMoneyUnits(r.net) + share),
      });
    }
  }
  return { allocation: query.allocation, from: costs.from, to: costs.to, rows, total: sumMoney(rows.map((r) => r.BilledCost)) };
}

export const chargebackEndpoint = defineEndpoint({
  route: "GET /api/costs/chargeback",
  access: "read",
  params: z.strictObject({
    ...monthFilterParams,
    allocation: allocationParam,
    ...renamedAllocationParams,
  }),
  query: (db, params) => chargeback(db, params),
});
