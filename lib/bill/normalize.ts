// Raw values of one export line → BillLine, whichever format and file type they came from.
import { moneyText } from "@/lib/domain/money";
import { classifyUsageType } from "@/lib/domain/usage-type";
import { businessUnitOf, businessUnitTagKeys } from "./business-unit";
import { chargeOfCurLineItemType, chargeOfFocus } from "./charge-category";
import type { BillField, ColumnPlan } from "./formats";
import type { BillFileInfo, BillLine } from "./line";
import { toDay } from "@/lib/domain/days";

/** Reads one field of the current line (undefined when the file has no column for it). */
export type FieldReader = (field: BillField) => unknown;

export function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : String(value);
}

/** Exact decimal text of an amount; a missing amount (credits have no quantity) is 0. */
function decimal(value: unknown, field: string): string {
  if (value === null || value === undefined || value === "") return "0";
  if (typeof value === "number" || typeof value === "string") return moneyText(value);
  if (typeof value === "bigint") return value.toString();
  throw new Error(`${field} is not a number: ${text(value)}`);
}

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?)?(Z|[+-]00:?00)?$/;

/** UTC day "YYYY-MM-DD" of a timestamp: a Date (Parquet) or text (CSV, with or without a zone). */
export function utcDay(value: unknown, field: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error(`${field} is not a date`);
    return toDay(value);
  }
  if (typeof value === "string") {
    // Most exports write UTC ("2026-11-01T00:00:00Z", "2026-11-01 00:00:00"): no Date needed.
    const match = ISO_DAY.exec(value.trim());
    if (match) return match[1]!;
    const parsed = new Date(value);
    if (!Number.isNaN(parsed.getTime())) return toDay(parsed);
  }
  if (typeof value === "number" || typeof value === "bigint") return toDay(new Date(Number(value)));
  throw new Error(`${field} is not a date: ${text(value) || "(empty)"}`);
}

/** Builds the BillLine of a KMS line; throws a message naming the bad value. */
export function lineBuilder(plan: ColumnPlan, businessUnitTagKey: string): (read: FieldReader) => BillLine {
  const tagKeys = businessUnitTagKeys(businessUnitTagKey, plan.family);
  const column = (field: BillField) => plan.columns[field] ?? field;
  return (read) => {
    const usageType = text(read("usageType"));
    const charge = plan.family === "cur" ? chargeOfCurLineItemType(text(read("chargeCategory"))) : chargeOfFocus(text(read("chargeCategory")), text(read("chargeClass")));
    let businessUnit: string;
    try {
      businessUnit = businessUnitOf(read("tags"), tagKeys);
    } catch (error) {
      throw new Error(`${column("tags")} is not a tag map: ${error instanceof Error ? error.message : String(error)}`);
    }
    const billedCost = decimal(read("billedCost"), column("billedCost"));
    const effective = read("effectiveCost");
    const list = read("listCost");
    return {
      billingPeriod: `${utcDay(read("billingPeriod"), column("billingPeriod")).slice(0, 7)}-01`,
      day: utcDay(read("chargePeriodStart"), column("chargePeriodStart")),
      accountId: text(read("accountId")),
      region: text(read("region")),
      usageType,
      resourceId: text(read("resourceId")),
      businessUnit,
      ...charge,
      category: classifyUsageType(usageType),
      billedCost,
      // A FOCUS export may leave EffectiveCost or ListCost null on a credit: the billed amount is then the one there is.
      effectiveCost: effective === null || effective === undefined || effective === "" ? billedCost : decimal(effective, column("effectiveCost")),
      listCost: list === null || list === undefined || list === "" ? billedCost : decimal(list, column("listCost")),
      consumedQuantity: decimal(read("consumedQuantity"), column("consumedQuantity")),
      consumedUnit: text(read("consumedUnit")),
    };
  };
}

/** What a file says about itself, gathered line by line. */
export class FileInfoTracker {
  private readonly periods = new Set<string>();
  private invoiced = 0;
  private notInvoiced = 0;

  constructor(private readonly plan: ColumnPlan) {}

  add(line: BillLine, invoiceId: unknown): void {
    this.periods.add(line.billingPeriod);
    if (text(invoiceId) === "") this.notInvoiced++;
    else this.invoiced++;
  }

  info(): BillFileInfo {
    const info: BillFileInfo = { format: this.plan.format, billingPeriods: [...this.periods].sort() };
    if (this.plan.columns.invoiceId && this.invoiced + this.notInvoiced > 0) info.final = this.notInvoiced === 0;
    return info;
  }
}
