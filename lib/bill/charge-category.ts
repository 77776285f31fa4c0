// CUR 2.0 has no ChargeCategory: its line_item_line_item_type is mapped onto FOCUS's, as AWS's own
// FOCUS table does, so both formats give the same categories and credits, refunds and tax never
// land in Usage.
//
// | CUR line_item_line_item_type                                   | ChargeCategory | ChargeClass |
// |----------------------------------------------------------------|----------------|-------------|
// | Usage, DiscountedUsage, SavingsPlanCoveredUsage                | Usage          |             |
// | Fee, RIFee, SavingsPlanUpfrontFee, SavingsPlanRecurringFee     | Purchase       |             |
// | Tax                                                            | Tax            |             |
// | Credit                                                         | Credit         |             |
// | BundledDiscount, EdpDiscount, PrivateRateDiscount,             | Credit         |             |
// | DistributorDiscount, RiVolumeDiscount, SavingsPlanNegation     |                |             |
// | Refund                                                         | Credit         | Correction  |
// | anything else (a type AWS adds later)                          | Adjustment     |             |
//
// A Refund gives back an earlier charge, which is what FOCUS calls a correction; the refunded
// line's own category is not in the CUR line, so it is kept with the other reductions (Credit).
// An unknown type goes to Adjustment rather than Usage: shown on its own, never summed into usage.
import type { ChargeCategory, ChargeClass } from "./line";

const CUR_LINE_ITEM_TYPES: Readonly<Record<string, { chargeCategory: ChargeCategory; chargeClass: ChargeClass }>> = {
  Usage: { chargeCategory: "Usage", chargeClass: "" },
  DiscountedUsage: { chargeCategory: "Usage", chargeClass: "" },
  SavingsPlanCoveredUsage: { chargeCategory: "Usage", chargeClass: "" },
  Fee: { chargeCategory: "Purchase", chargeClass: "" },
  RIFee: { chargeCategory: "Purchase", chargeClass: "" },
  SavingsPlanUpfrontFee: { chargeCategory: "Purchase", chargeClass: "" },
  SavingsPlanRecurringFee: { chargeCategory: "Purchase", chargeClass: "" },
  Tax: { chargeCategory: "Tax", chargeClass: "" },
  Credit: { chargeCategory: "Credit", chargeClass: "" },
  BundledDiscount: { chargeCategory: "Credit", chargeClass: "" },
  EdpDiscount: { chargeCategory: "Credit", chargeClass: "" },
  PrivateRateDiscount: { chargeCategory: "Credit", chargeClass: "" },
  DistributorDiscount: { chargeCategory: "Credit", chargeClass: "" },
  RiVolumeDiscount: { chargeCategory: "Credit", chargeClass: "" },
  SavingsPlanNegation: { chargeCategory: "Credit", chargeClass: "" },
  Refund: { chargeCategory: "Credit", chargeClass: "Correction" },
};

const UNKNOWN = { chargeCategory: "Adjustment", chargeClass: "" } as const;

export function chargeOfCurLineItemType(lineItemType: string): { chargeCategory: ChargeCategory; chargeClass: ChargeClass } {
  return CUR_LINE_ITEM_TYPES[lineItemType] ?? UNKNOWN;
}

const FOCUS_CATEGORIES = new Set<string>(["Usage", "Purchase", "Tax", "Credit", "Adjustment"]);

/** A FOCUS ChargeCategory as written; a value outside the specification goes to Adjustment, as above. */
export function chargeOfFocus(chargeCategory: string, chargeClass: string): { chargeCategory: ChargeCategory; chargeClass: ChargeClass } {
  return {
    chargeCategory: FOCUS_CATEGORIES.has(chargeCategory) ? (chargeCategory as ChargeCategory) : "Adjustment",
    chargeClass: chargeClass === "Correction" ? "Correction" : "",
  };
}
