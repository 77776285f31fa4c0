"use client";

import type { GlobalFilters } from "@/components/filters/filter-params";
import { useUrlChoice } from "@/components/filters/use-url-state";
import type { AllocationMethod } from "@/lib/export/chargeback-rows";

/** Links to the streamed FOCUS chargeback export for the filtered month range. */
export function ChargebackDownload({ filters }: { filters: GlobalFilters }) {
  const [allocation, setAllocation] = useUrlChoice<AllocationMethod>("allocation", ["direct", "proportional"], "direct");
  const params = new URLSearchParams();
  if (filters.from) params.set("from", filters.from.slice(0, 7));
  if (filters.to) params.set("to", filters.to.slice(0, 7));
  if (filters.account) params.set("account", filters.account);
  if (filters.region) params.set("region", filters.region);
  if (filters.bu) params.set("bu", filters.bu);
  params.set("allocation", allocation);
  return (
    <section aria-labelledby="chargeback-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="chargeback-heading" className="text-base font-semibold">Chargeback export</h2>
      <p className="mt-1 text-sm text-slate-600">
        One CSV row per day, account, business unit and usage type, in FOCUS columns (BillingPeriodStart, SubAccountId, ServiceName,
        ConsumedQuantity, ConsumedUnit, BilledCost, BillingCurrency, x_BusinessUnit, x_UsageType, x_AllocationMethod). Whole months of the
        filtered range.
      </p>
      <fieldset className="mt-3 flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Allocation of untagged cost</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="allocation" checked={allocation === "direct"} onChange={() => setAllocation("direct")} />
          Direct: untagged cost stays &ldquo;(untagged)&rdquo;
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="allocation" checked={allocation === "proportional"} onChange={() => setAllocation("proportional")} />
          Proportional: untagged cost spread by each unit&rsquo;s share of tagged cost in the month
        </label>
      </fieldset>
      <a href={`/api/export/chargeback?${params.toString()}`} download data-testid="chargeback-download" className="mt-3 inline-block rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
        Download chargeback CSV
      </a>
    </section>
  );
}
