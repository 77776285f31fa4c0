import type { GlobalFilters } from "@/components/filters/filter-params";

// Rows not tied to one account or region: a whole-run warning (null), the organization's cost
// scope ("organization"), the costs' region ("global", Cost Explorer is not regional).
const EVERY = new Set(["", "organization", "global"]);

/**
 * An account-region row under the filter bar's account and region. A row not tied to one account
 * (or region) concerns every one, so it stays.
 */
export function inScope(row: { accountId: string | null; region: string | null }, filters: Pick<GlobalFilters, "account" | "region">): boolean {
  const matches = (value: string | null, wanted: string | undefined) => !wanted || value === null || EVERY.has(value) || value === wanted;
  return matches(row.accountId, filters.account) && matches(row.region, filters.region);
}
