// Where each BillLine field comes from in each export format, and how a file's format is told
// from its columns. Column names as AWS Data Exports writes them (docs.aws.amazon.com/cur, "FOCUS
// 1.0 with AWS columns", "FOCUS 1.2 with AWS columns", "CUR 2.0" table dictionaries).
import type { BillFormat } from "./line";

/** The raw values a line is built from (normalize.ts). */
export type BillField =
  | "service"
  | "billingPeriod"
  | "chargePeriodStart"
  | "accountId"
  | "region"
  | "usageType"
  | "resourceId"
  | "tags"
  | "chargeCategory"
  | "chargeClass"
  | "billedCost"
  | "effectiveCost"
  | "listCost"
  | "consumedQuantity"
  | "consumedUnit"
  | "invoiceId";

type Candidates = Partial<Record<BillField, readonly string[]>>;

// The first column present wins; a field without any present column reads as empty.
const FOCUS_COLUMNS: Candidates = {
  service: ["ServiceName"],
  billingPeriod: ["BillingPeriodStart"],
  chargePeriodStart: ["ChargePeriodStart"],
  accountId: ["SubAccountId"],
  region: ["RegionId"],
  usageType: ["x_UsageType"],
  resourceId: ["ResourceId"],
  tags: ["Tags"],
  chargeCategory: ["ChargeCategory"],
  chargeClass: ["ChargeClass"],
  billedCost: ["BilledCost"],
  effectiveCost: ["EffectiveCost"],
  listCost: ["ListCost"],
  consumedQuantity: ["ConsumedQuantity"],
  consumedUnit: ["ConsumedUnit", "PricingUnit"],
  invoiceId: ["InvoiceId"],
};

const CUR_COLUMNS: Candidates = {
  service: ["line_item_product_code"],
  billingPeriod: ["bill_billing_period_start_date"],
  chargePeriodStart: ["line_item_usage_start_date"],
  accountId: ["line_item_usage_account_id"],
  region: ["product_region_code"],
  usageType: ["line_item_usage_type"],
  resourceId: ["line_item_resource_id"],
  // `tags` (all tag sources, keys prefixed "resourceTags/...") is read when resource_tags is not selected.
  tags: ["resource_tags", "tags"],
  // CUR's line item type stands in for ChargeCategory and ChargeClass (charge-category.ts).
  chargeCategory: ["line_item_line_item_type"],
  billedCost: ["line_item_unblended_cost"],
  // Net of discounts when the export has it; KMS is covered by no Savings Plan or reservation.
  effectiveCost: ["line_item_net_unblended_cost", "line_item_unblended_cost"],
  listCost: ["pricing_public_on_demand_cost", "line_item_unblended_cost"],
  consumedQuantity: ["line_item_usage_amount"],
  consumedUnit: ["pricing_unit"],
  invoiceId: ["bill_invoice_id"],
};

const REQUIRED: readonly BillField[] = ["service", "billingPeriod", "chargePeriodStart", "accountId", "usageType", "chargeCategory", "billedCost"];

/**
 * KMS lines: FOCUS ServiceName (the Cost Explorer SERVICE name) and the CUR product code, as
 * AWS writes them. Compared exactly: the predicate runs on every line of a gigabyte export.
 */
export const KMS_SERVICE: Readonly<Record<"focus" | "cur", string>> = { focus: "AWS Key Management Service", cur: "awskms" };

// Columns that appeared with a FOCUS version and that AWS writes in its export of that version.
const FOCUS_1_2_MARKERS = ["InvoiceId", "BillingAccountType", "SubAccountType", "PricingCurrency", "PricingCurrencyEffectiveCost"];
const FOCUS_1_1_MARKERS = ["ServiceSubcategory", "SkuMeter", "SkuPriceDetails", "CapacityReservationId", "CommitmentDiscountQuantity"];

/** The format of a file from its column names, or null when it is neither FOCUS 1.x nor CUR 2.0. */
export function detectBillFormat(columns: readonly string[]): BillFormat | null {
  const has = new Set(columns);
  if (has.has("line_item_line_item_type") && has.has("line_item_product_code")) return "CUR_2_0";
  if (!has.has("ChargeCategory") || !has.has("BilledCost")) return null;
  if (FOCUS_1_2_MARKERS.some((c) => has.has(c))) return "FOCUS_1_2";
  if (FOCUS_1_1_MARKERS.some((c) => has.has(c))) return "FOCUS_1_1";
  return "FOCUS_1_0";
}

export type ColumnPlan = {
  format: BillFormat;
  family: "focus" | "cur";
  /** The column each field reads, when the file has one. */
  columns: Partial<Record<BillField, string>>;
};

/** The columns to read from a file with these columns; throws a message naming what is missing. */
export function planColumns(columns: readonly string[]): ColumnPlan {
  const format = detectBillFormat(columns);
  if (!format) {
    throw new Error(`not a FOCUS 1.x or CUR 2.0 export: expected ChargeCategory and BilledCost (FOCUS) or line_item_line_item_type and line_item_product_code (CUR 2.0) among its ${columns.length} columns`);
  }
  const family = format === "CUR_2_0" ? "cur" : "focus";
  const candidates = family === "cur" ? CUR_COLUMNS : FOCUS_COLUMNS;
  const has = new Set(columns);
  const chosen: Partial<Record<BillField, string>> = {};
  for (const [field, names] of Object.entries(candidates) as [BillField, readonly string[]][]) {
    const name = names.find((n) => has.has(n));
    if (name) chosen[field] = name;
  }
  const missing = REQUIRED.filter((f) => !chosen[f]).map((f) => candidates[f]![0]);
  if (missing.length > 0) throw new Error(`${format} export without the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  return { format, family, columns: chosen };
}
