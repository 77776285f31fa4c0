"use client";

import type { GlobalFilters } from "@/components/filters/filter-params";
import { useUrlChoice } from "@/components/filters/use-url-state";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import type { freshnessEndpoint } from "@/lib/endpoints/freshness";
import type { AllocationMethod } from "@/lib/export/chargeback-rows";
import { formatMonth } from "@/lib/domain/format";
import { type FinancePeriod, lastFullMonth, monthCoverage, periodMonths } from "./finance-period";

const monthName = (month: string) => formatMonth(new Date(`${month}-01T00:00:00Z`));

/**
 * The chargeback files for a period: the detailed FOCUS CSV (a row per day, account, BU and usage
 * type) and the per-BU monthly summary beside it. The period defaults to the last full month —
 * what finance closes — rather than every month with cost, the running one included.
 */
export function ChargebackDownload({ filters }: { filters: GlobalFilters }) {
  const [allocation, setAllocation] = useUrlChoice<AllocationMethod>("allocation", ["direct", "proportional"], "direct");
  const [period, setPeriod] = useUrlChoice<FinancePeriod>("period", ["lastFullMonth", "pageRange", "all"], "lastFullMonth");
  const freshness = useEndpoint<typeof freshnessEndpoint>("/api/freshness");
  const today = new Date();
  const lastMonth = lastFullMonth(today);
  const costs = freshness.data?.sources.find((s) => s.source === "costs");
  const coverage = costs ? monthCoverage(lastMonth, costs) : null;
  const params = new URLSearchParams();
  const months = periodMonths(period, filters, today);
  if (months.from) params.set("from", months.from);
  if (months.to) params.set("to", months.to);
  if (filters.account) params.set("account", filters.account);
  if (filters.region) params.set("region", filters.region);
  if (filters.bu) params.set("bu", filters.bu);
  params.set("allocation", allocation);
  const hasRange = Boolean(filters.from || filters.to);
  return (
    <section aria-labelledby="chargeback-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="chargeback-export">
      <h2 id="chargeback-heading" className="text-base font-semibold">Chargeback export</h2>
      <p className="mt-1 text-sm text-slate-700">
        The detailed file has one CSV row per day, account, business unit and usage type, in FOCUS columns (BillingPeriodStart, SubAccountId, ServiceName,
        ConsumedQuantity, ConsumedUnit, BilledCost, BillingCurrency, x_BusinessUnit, x_UsageType, x_AllocationMethod); the summary one row per business
        unit and month, with the same BilledCost in total. Whole months.
      </p>
      <fieldset className="mt-3 flex flex-wrap gap-4 text-sm">
        <legend className="mb-1 w-full font-medium text-slate-700">Period</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="chargeback-period" value="lastFullMonth" checked={period === "lastFullMonth"} onChange={() => setPeriod("lastFullMonth")} />
          Last full month ({monthName(lastMonth)})
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="chargeback-period" value="pageRange" disabled={!hasRange} checked={period === "pageRange"} onChange={() => setPeriod("pageRange")} />
          The page&rsquo;s date range{hasRange ? ` (${filters.from?.slice(0, 7) ?? "first month"} to ${filters.to?.slice(0, 7) ?? "latest month"})` : " (none set)"}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="chargeback-period" value="all" checked={period === "all"} onChange={() => setPeriod("all")} />
          Every month with cost, the running month included
        </label>
      </fieldset>
      {period === "lastFullMonth" && coverage && coverage !== "covered" && costs ? (
        <p className="mt-2 text-sm text-amber-800" data-testid="chargeback-coverage">
          {coverage === "no data"
            ? `No cost data for ${monthName(lastMonth)}: the files would hold no row (no data, not $0.00).`
            : `Cost data of ${monthName(lastMonth)} is partial: it covers ${costs.from! > `${lastMonth}-01` ? costs.from : `${lastMonth}-01`} to ${costs.through} only.`}
        </p>
      ) : null}
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
      <div className="mt-3 flex flex-wrap gap-3">
        <a href={`/api/export/chargeback?${params.toString()}`} download data-testid="chargeback-download" className="inline-block rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
          Download detailed chargeback CSV (FOCUS)
        </a>
        <a href={`/api/export/chargeback-summary?${params.toString()}`} download data-testid="chargeback-summary-download" className="inline-block rounded-md border border-slate-800 px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50">
          Download per-BU monthly summary CSV
        </a>
      </div>
    </section>
  );
}
