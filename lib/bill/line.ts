// One KMS line of an AWS Data Export (FOCUS 1.x or CUR 2.0), normalized to the grain of the
// bill_cost_line table (prisma/schema.prisma). The readers in this folder produce it; the importer
// sums lines with the same key and writes them, so amounts stay exact decimal text (never floats
// added together: lib/domain/money.ts).
import type { CostCategory } from "@/lib/domain/records";

/** The formats an export can have, as the BillFormat enum of the schema. */
export const BILL_FORMATS = ["FOCUS_1_0", "FOCUS_1_1", "FOCUS_1_2", "CUR_2_0"] as const;
export type BillFormat = (typeof BILL_FORMATS)[number];

/** FOCUS ChargeCategory values (CUR line_item_line_item_type is mapped onto them: charge-category.ts). */
export const CHARGE_CATEGORIES = ["Usage", "Purchase", "Tax", "Credit", "Adjustment"] as const;
export type ChargeCategory = (typeof CHARGE_CATEGORIES)[number];
/** FOCUS ChargeClass: a correction of an earlier charge, or "" for a regular one (FOCUS writes null). */
export type ChargeClass = "Correction" | "";

export type BillLine = {
  /** First day of the billing month, "YYYY-MM-01". */
  billingPeriod: string;
  /** UTC day of ChargePeriodStart, "YYYY-MM-DD". */
  day: string;
  accountId: string;
  /** RegionId / product_region_code; "" when the line has none (tax, some credits). */
  region: string;
  /** e.g. "eu-west-1-KMS-Requests"; "" when the line has none. */
  usageType: string;
  /** Key ARN; "" when the line has none. */
  resourceId: string;
  /** Raw value of the business-unit tag; "" is untagged. */
  businessUnit: string;
  chargeCategory: ChargeCategory;
  chargeClass: ChargeClass;
  /** From the usage type, as for Cost Explorer rows (lib/domain/usage-type.ts). */
  category: CostCategory;
  /** Exact decimal text at 10 decimals (moneyText): "0.03", "-1.5". */
  billedCost: string;
  effectiveCost: string;
  listCost: string;
  /** Exact decimal text; "0" when the export has none (tax, credits). */
  consumedQuantity: string;
  /** "Keys", "Requests", ...; "" when none. */
  consumedUnit: string;
};

export type BillFileInfo = {
  format: BillFormat;
  /** Billing periods ("YYYY-MM-01") of the file's KMS lines, sorted. */
  billingPeriods: string[];
  /**
   * true when every KMS line carries an invoice id (CUR bill_invoice_id, FOCUS 1.2 InvoiceId): AWS
   * invoiced the period, it will not be restated. false when some line has none (provisional).
   * undefined when the format has no invoice column (FOCUS 1.0/1.1) or no KMS line was read:
   * the manifest or the calendar has to decide.
   */
  final?: boolean;
};

/** What the readers yield: a batch of lines, and the counters of the file so far. */
export type BillBatch = {
  lines: BillLine[];
  info: BillFileInfo;
  /** Data lines read so far (every service). */
  linesRead: number;
  /** KMS lines kept so far. */
  linesKept: number;
  /** true on the last batch of the file (which may have no lines): its counters are the totals. */
  done: boolean;
};

export type ReadBillOptions = {
  /** The business-unit tag key of the policy settings (businessUnitTagKey), e.g. "business-unit". */
  businessUnitTagKey: string;
  /** Lines per batch; 10,000 by default. */
  batchSize?: number;
};

export const DEFAULT_BATCH_SIZE = 10_000;

/** A file that cannot be read to the end: the import of that file fails and keeps the previous data. */
export class BillReadError extends Error {
  constructor(
    readonly file: string,
    /** "row 1234", "row group 3", "header", "footer". */
    readonly where: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${where}: ${message}`, options);
    this.name = "BillReadError";
  }
}
