import { describe, expect, it } from "vitest";
import { ALLOCATION_LABELS, sharesFromTotals, splitAmount, toChargebackRecords, type CostDailyRow } from "@/lib/export/chargeback-rows";
import { periodEnd, periodStart } from "@/lib/export/chargeback-params";

const base: CostDailyRow = {
  day: "2026-02-28",
  accountId: "111122223333",
  accountName: "payments-prod",
  region: "us-east-1",
  businessUnit: "",
  costCenter: "",
  usageType: "USE1-KMS-Requests",
  category: "REQUESTS",
  cost: "1.00000000",
  quantity: "300.0000",
};
// February: Payments spent 3, Retail 1 (tagged) → shares 0.75 / 0.25.
const shares = sharesFromTotals([
  { month: "2026-02", businessUnit: "Payments", cost: 3 },
  { month: "2026-02", businessUnit: "Retail", cost: 1 },
  { month: "2026-02", businessUnit: "", cost: 5 },
]);

describe("chargeback records", () => {
  it("charges a tagged row to its business unit in FOCUS columns", () => {
    const [r] = toChargebackRecords({ ...base, businessUnit: "Payments", category: "KEYS", usageType: "USE1-KMS-Keys" }, "proportional", shares);
    expect(r).toMatchObject({
      BillingPeriodStart: "2026-02-01",
      BillingPeriodEnd: "2026-03-01",
      ChargePeriodEnd: "2026-03-01",
      ConsumedUnit: "Keys",
      BilledCost: "1.00000000",
      x_BusinessUnit: "Payments",
      x_AllocationMethod: ALLOCATION_LABELS.tagged,
    });
  });

  it("keeps untagged cost visible under direct allocation", () => {
    const records = toChargebackRecords(base, "direct", shares);
    expect(records.map((r) => [r.x_BusinessUnit, r.BilledCost, r.x_AllocationMethod])).toEqual([["(untagged)", "1.00000000", ALLOCATION_LABELS.unallocated]]);
  });

  it("spreads untagged cost by tagged share, parts adding up to the row", () => {
    const records = toChargebackRecords(base, "proportional", shares);
    expect(records.map((r) => [r.x_BusinessUnit, r.BilledCost, r.ConsumedQuantity])).toEqual([
      ["Payments", "0.75000000", "225.0000"],
      ["Retail", "0.25000000", "75.0000"],
    ]);
  });

  it("splits into exact 8-decimal parts", () => {
    const parts = splitAmount("0.00000001", [1 / 3, 1 / 3, 1 / 3]);
    expect(parts).toEqual(["0.00000000", "0.00000000", "0.00000001"]);
    expect(splitAmount("1", [1 / 3, 2 / 3])).toEqual(["0.33333333", "0.66666667"]);
  });

  it("expands months to whole calendar months", () => {
    expect([periodStart("2024-02"), periodEnd("2024-02"), periodEnd("2026-12-31"), periodEnd("2026-13")]).toEqual(["2024-02-01", "2024-02-29", "2026-12-31", null]);
  });
});
