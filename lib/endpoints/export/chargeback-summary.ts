// GET /api/export/chargeback-summary: the per-BU monthly summary CSV beside the detailed FOCUS
// chargeback file (GET /api/export/chargeback): one row per billing month and business unit, the
// rows of GET /api/costs/chargeback (same parameters, same allocation of untagged cost), so each
// row's BilledCost is the sum of that month and BU's rows in the detailed file. Small (BUs ×
// months), so it is built in Node from the JSON endpoint's rows rather than streamed by COPY.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { UNTAGGED } from "@/lib/domain/business-unit";
import { type Day, toDay } from "@/lib/domain/days";
import { ALLOCATION_LABELS } from "@/lib/export/chargeback-rows";
import { allocationParam, renamedAllocationParams } from "@/lib/export/chargeback-params";
import { toCsv, type CsvColumn } from "@/lib/export/csv";
import { chargeback, type ChargebackRow } from "@/lib/endpoints/costs/chargeback";
import { monthFilterParams } from "@/lib/endpoints/costs/month-filters";

/** The first day of the next month: FOCUS billing periods end exclusive. */
function nextMonth(month: Day): Day {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return toDay(new Date(Date.UTC(y, m, 1)));
}

/** The detailed file's x_AllocationMethod labels: a row holding a share of untagged cost is "proportional". */
function methodOf(r: ChargebackRow): string {
  if (r.x_ReallocatedCost !== 0) return ALLOCATION_LABELS.proportional;
  return r.x_BusinessUnit === UNTAGGED ? ALLOCATION_LABELS.unallocated : ALLOCATION_LABELS.tagged;
}

export function summaryColumns(): CsvColumn<ChargebackRow>[] {
  return [
    // FOCUS date-times, as the detailed file writes them: a spreadsheet joins the two on them.
    { header: "BillingPeriodStart", value: (r) => `${r.BillingPeriodStart}T00:00:00Z` },
    { header: "BillingPeriodEnd", value: (r) => `${nextMonth(r.BillingPeriodStart)}T00:00:00Z` },
    { header: "x_BusinessUnit", value: (r) => r.x_BusinessUnit },
    { header: "ServiceName", value: (r) => r.ServiceName },
    { header: "x_KeysCost", value: (r) => r.x_KeysCost },
    { header: "x_RequestsCost", value: (r) => r.x_RequestsCost },
    { header: "x_OtherCost", value: (r) => r.x_OtherCost },
    { header: "x_CreditsCost", value: (r) => r.x_CreditsCost },
    { header: "x_TaxCost", value: (r) => r.x_TaxCost },
    { header: "x_CorrectionsCost", value: (r) => r.x_CorrectionsCost },
    { header: "x_AdjustmentsCost", value: (r) => r.x_AdjustmentsCost },
    { header: "x_DirectCost", value: (r) => r.x_DirectCost },
    { header: "x_ReallocatedCost", value: (r) => r.x_ReallocatedCost },
    { header: "BilledCost", value: (r) => r.BilledCost },
    { header: "BillingCurrency", value: (r) => r.BillingCurrency },
    { header: "x_CostSource", value: (r) => r.x_CostSource },
    { header: "x_AllocationMethod", value: methodOf },
  ];
}

export const chargebackSummaryEndpoint = defineEndpoint({
  route: "GET /api/export/chargeback-summary",
  access: "export",
  params: z.strictObject({ ...monthFilterParams, allocation: allocationParam, ...renamedAllocationParams }),
  query: async (db, params) => {
    const result = await chargeback(db, params);
    const rows = [...result.rows].sort((a, b) => a.BillingPeriodStart.localeCompare(b.BillingPeriodStart) || a.x_BusinessUnit.localeCompare(b.x_BusinessUnit));
    const span = result.from && result.to ? `${result.from.slice(0, 7)}-to-${result.to.slice(0, 7)}` : "no-data";
    return new Response(toCsv(summaryColumns(), rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="kms-chargeback-summary-${span}-${params.allocation}.csv"`,
        "cache-control": "no-store",
        "x-allocation-method": params.allocation,
      },
    });
  },
});
