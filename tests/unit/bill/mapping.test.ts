// How a file's format is told, CUR line item types become FOCUS charge categories, and where the
// business-unit tag is found in each export's spelling.
import { describe, expect, it } from "vitest";
import { businessUnitOf, businessUnitTagKeys } from "@/lib/bill/business-unit";
import { chargeOfCurLineItemType, chargeOfFocus } from "@/lib/bill/charge-category";
import { detectBillFormat } from "@/lib/bill/formats";
import { utcDay } from "@/lib/bill/normalize";

const FOCUS = ["BilledCost", "ChargeCategory", "ServiceName", "x_UsageType"];

describe("detectBillFormat", () => {
  it("tells FOCUS 1.0, 1.1, 1.2 and CUR 2.0 apart by the columns each version added", () => {
    expect(detectBillFormat(FOCUS)).toBe("FOCUS_1_0");
    expect(detectBillFormat([...FOCUS, "ServiceSubcategory", "SkuMeter"])).toBe("FOCUS_1_1");
    expect(detectBillFormat([...FOCUS, "ServiceSubcategory", "InvoiceId", "BillingAccountType"])).toBe("FOCUS_1_2");
    expect(detectBillFormat(["line_item_line_item_type", "line_item_product_code", "resource_tags"])).toBe("CUR_2_0");
    expect(detectBillFormat(["lineItem/LineItemType", "lineItem/ProductCode"])).toBeNull(); // legacy CUR
  });
});

describe("CUR line item types", () => {
  it.each([
    ["Usage", "Usage", ""],
    ["DiscountedUsage", "Usage", ""],
    ["SavingsPlanCoveredUsage", "Usage", ""],
    ["Fee", "Purchase", ""],
    ["SavingsPlanRecurringFee", "Purchase", ""],
    ["Tax", "Tax", ""],
    ["Credit", "Credit", ""],
    ["EdpDiscount", "Credit", ""],
    ["BundledDiscount", "Credit", ""],
    ["Refund", "Credit", "Correction"],
    ["SomethingNew", "Adjustment", ""],
  ])("%s → %s %s", (type, chargeCategory, chargeClass) => {
    expect(chargeOfCurLineItemType(type)).toEqual({ chargeCategory, chargeClass });
  });

  it("keeps FOCUS's own categories; an unknown one is an Adjustment, a null class regular", () => {
    expect(chargeOfFocus("Credit", "Correction")).toEqual({ chargeCategory: "Credit", chargeClass: "Correction" });
    expect(chargeOfFocus("Refund", "")).toEqual({ chargeCategory: "Adjustment", chargeClass: "" });
  });
});

describe("business unit", () => {
  const focus = businessUnitTagKeys("business-unit", "focus");
  const cur = businessUnitTagKeys("business-unit", "cur");

  it("reads FOCUS tags under the key, user: and resourceTags/ spellings, as JSON text or a map", () => {
    expect(businessUnitOf('{"business-unit":"payments"}', focus)).toBe("payments");
    expect(businessUnitOf({ "user:business-unit": "data" }, focus)).toBe("data");
    expect(businessUnitOf(new Map([["resourceTags/user:business-unit", "risk"]]), focus)).toBe("risk");
    expect(businessUnitOf([{ key: "business-unit", value: "search" }], focus)).toBe("search");
  });

  it("reads CUR 2.0 tags with the user_ prefix and the key's punctuation as _", () => {
    expect(cur.slice(0, 2)).toEqual(["user_business-unit", "user_business_unit"]);
    expect(businessUnitOf('{"user_business_unit":"payments","user_env":"prod"}', cur)).toBe("payments");
    expect(businessUnitOf({ "resourceTags/user_business_unit": "data" }, cur)).toBe("data");
  });

  it("is untagged without the key, with an empty value, or without tags", () => {
    expect(businessUnitOf('{"user_env":"prod"}', cur)).toBe("");
    expect(businessUnitOf('{"business-unit":""}', focus)).toBe("");
    expect(businessUnitOf("", focus)).toBe("");
    expect(businessUnitOf(null, cur)).toBe("");
    expect(businessUnitOf("null", focus)).toBe("");
  });
});

describe("utcDay", () => {
  it("takes the UTC day of timestamps with or without a zone, and of Dates", () => {
    expect(utcDay("2026-10-02T23:00:00Z", "x")).toBe("2026-10-02");
    expect(utcDay("2026-10-02 23:00:00.000", "x")).toBe("2026-10-02");
    expect(utcDay("2026-10-02T23:00:00-05:00", "x")).toBe("2026-10-03");
    expect(utcDay(new Date(Date.UTC(2026, 9, 2, 23)), "x")).toBe("2026-10-02");
    expect(() => utcDay("", "ChargePeriodStart")).toThrow("ChargePeriodStart is not a date: (empty)");
  });
});
