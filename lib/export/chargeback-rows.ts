// Chargeback rows in FOCUS column names (DOMAIN.md §7), one per kms_cost_daily row, with the
// allocation method written on every row. Pure: the route streams batches through it.

export type AllocationMethod = "direct" | "proportional";

export const UNTAGGED = "(untagged)";
export const KMS_SERVICE_NAME = "AWS Key Management Service";

/** A kms_cost_daily row as read (amounts as exact decimal text). */
export interface CostDailyRow {
  day: string; // YYYY-MM-DD
  accountId: string;
  accountName: string;
  region: string;
  businessUnit: string; // "" = untagged
  costCenter: string;
  usageType: string;
  category: "KEYS" | "REQUESTS" | "OTHER";
  cost: string;
  quantity: string;
}

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
  "x_CostCenter",
  "x_UsageType",
  "x_CostCategory",
  "x_AllocationMethod",
  "x_AllocationShare",
] as const;

export type ChargebackRecord = Record<(typeof CHARGEBACK_COLUMNS)[number], string>;

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

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function billingPeriod(day: string): { start: string; end: string } {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  const start = d.toISOString().slice(0, 10);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return { start, end: d.toISOString().slice(0, 10) };
}

const UNIT: Record<CostDailyRow["category"], string> = { KEYS: "Keys", REQUESTS: "Requests", OTHER: "" };

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

const SCALE = 1e8; // the column's 8 decimals: split in integer units so the parts add up exactly

function toUnits(decimal: string): number {
  return Math.round(Number(decimal) * SCALE);
}
function fromUnits(units: number): string {
  return (units / SCALE).toFixed(8);
}

/** Splits an amount over shares; the last part takes the rounding remainder so the sum is exact. */
export function splitAmount(decimal: string, shares: readonly number[]): string[] {
  const total = toUnits(decimal);
  let given = 0;
  return shares.map((share, i) => {
    const part = i === shares.length - 1 ? total - given : Math.round(total * share);
    given += part;
    return fromUnits(part);
  });
}

function record(row: CostDailyRow, businessUnit: string, cost: string, quantity: string, method: string, share: string): ChargebackRecord {
  const period = billingPeriod(row.day);
  return {
    BillingPeriodStart: period.start,
    BillingPeriodEnd: period.end,
    ChargePeriodStart: row.day,
    ChargePeriodEnd: addDays(row.day, 1),
    SubAccountId: row.accountId,
    SubAccountName: row.accountName,
    RegionId: row.region,
    ServiceName: KMS_SERVICE_NAME,
    ChargeCategory: "Usage",
    ConsumedQuantity: quantity,
    ConsumedUnit: UNIT[row.category],
    BilledCost: cost,
    BillingCurrency: "USD",
    x_BusinessUnit: businessUnit,
    x_CostCenter: row.costCenter,
    x_UsageType: row.usageType,
    x_CostCategory: row.category,
    x_AllocationMethod: method,
    x_AllocationShare: share,
  };
}

/** One cost row → its chargeback record(s): one, or one per tagged BU when reallocated. */
export function toChargebackRecords(row: CostDailyRow, method: AllocationMethod, shares: MonthShares): ChargebackRecord[] {
  if (row.businessUnit !== "") return [record(row, row.businessUnit, row.cost, row.quantity, ALLOCATION_LABELS.tagged, "1")];
  const monthShares = method === "proportional" ? shares.get(row.day.slice(0, 7)) : undefined;
  if (!monthShares || monthShares.length === 0) return [record(row, UNTAGGED, row.cost, row.quantity, ALLOCATION_LABELS.unallocated, "1")];
  const weights = monthShares.map((s) => s.share);
  const costs = splitAmount(row.cost, weights);
  const quantities = weights.map((w) => (Number(row.quantity) * w).toFixed(4));
  return monthShares.map((s, i) => record(row, s.businessUnit, costs[i]!, quantities[i]!, ALLOCATION_LABELS.proportional, s.share.toFixed(6)));
}
