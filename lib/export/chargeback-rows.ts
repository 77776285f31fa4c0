// Chargeback rows in FOCUS column names (DOMAIN.md §7), with the allocation method and the
// cost source ("Bill" or "CostExplorer", per month: view kms_cost) written on every row. Bill
// lines keep their ChargeCategory (Usage, Credit, Tax, ...) and ChargeClass (Correction). Postgres writes the rows (chargeback-sql.ts); what is left here is the vocabulary
// and the month shares of proportional allocation, which are computed before the stream starts.

/**
 * How untagged cost is charged (DOMAIN.md §6.4), one name everywhere: the `allocation` parameter
 * of both chargeback endpoints, `allocation` in the JSON answer, x_AllocationMethod in the CSV.
 */
export const ALLOCATION_METHODS = ["direct", "proportional"] as const;
export type AllocationMethod = (typeof ALLOCATION_METHODS)[number];

export const KMS_SERVICE_NAME = "AWS Key Management Service";

export const CHARGEBACK_COLUMNS = [
  "BillingPeriodStart",
  "BillingPeriodEnd",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "SubAccountId",
  "SubAccountName",
  "RegionId",
  "ServiceName",
  "ChargeCategory",
  "ConsumedQuantity",
  "ConsumedUnit",
  "BilledCost",
  "BillingCurrency",
  "x_BusinessUnit",
  "x_UsageType",
  "x_CostCategory",
  "x_AllocationMethod",
  "x_AllocationShare",
  "ChargeClass",
  "ResourceId",
  "x_CostSource",
] as const;

/**
 * What x_AllocationMethod says: tagged cost is always charged by the tag; untagged cost either
 * stays unallocated or is spread over the tagged business units of the same month in
 * proportion to their tagged cost.
 */
export const ALLOCATION_LABELS = {
  tagged: "direct:business-unit-tag",
  unallocated: "direct:untagged-not-reallocated",
  proportional: "proportional:untagged-by-tagged-cost-share",
} as const;

/** Tagged cost share of each business unit per month ("YYYY-MM" → bu → share, summing to 1). */
export type MonthShares = Map<string, { businessUnit: string; share: number }[]>;

export function sharesFromTotals(totals: readonly { month: string; businessUnit: string; cost: number }[]): MonthShares {
  const byMonth = new Map<string, { businessUnit: string; cost: number }[]>();
  for (const t of totals) {
    if (t.businessUnit === "" || t.cost <= 0) continue;
    const list = byMonth.get(t.month) ?? [];
    list.push({ businessUnit: t.businessUnit, cost: t.cost });
    byMonth.set(t.month, list);
  }
  const shares: MonthShares = new Map();
  for (const [month, list] of byMonth) {
    const sum = list.reduce((s, e) => s + e.cost, 0);
    shares.set(
      month,
      list.sort((a, b) => a.businessUnit.localeCompare(b.businessUnit)).map((e) => ({ businessUnit: e.businessUnit, share: e.cost / sum })),
    );
  }
  return shares;
}
