"use client";

// One hook per endpoint of docs/api.md, keyed ['<endpoint>', params].
import type { QueryParams } from "./api-client";
import { useApiQuery } from "./use-api-query";

export const useOverviewQuery = (p: QueryParams = {}) => useApiQuery<unknown>("overview", "/api/overview", p);
export const useCoverageQuery = (p: QueryParams = {}) => useApiQuery<unknown>("coverage", "/api/coverage", p);
export const useNoncompliantQuery = (p: QueryParams = {}) => useApiQuery<unknown>("noncompliant", "/api/noncompliant", p);
export const useNoncompliantResourcesQuery = (p: QueryParams = {}) => useApiQuery<unknown>("resources:noncompliant", "/api/resources/noncompliant", p);
export const useKeysQuery = (p: QueryParams = {}) => useApiQuery<unknown>("keys", "/api/keys", p);
export const useKeyQuery = (arn: string) => useApiQuery<unknown>("keys:detail", `/api/keys/${encodeURIComponent(arn)}`, {}, arn !== "", { arn });
export const useFindingsQuery = (p: QueryParams = {}) => useApiQuery<unknown>("findings", "/api/findings", p);
export const useCostsByBuQuery = (p: QueryParams = {}) => useApiQuery<unknown>("costs:by-bu", "/api/costs/by-bu", p);
export const useChargebackQuery = (p: QueryParams = {}) => useApiQuery<unknown>("costs:chargeback", "/api/costs/chargeback", p);
export const useModeledCostsQuery = (p: QueryParams = {}) => useApiQuery<unknown>("costs:modeled", "/api/costs/modeled", p);
export const useCostReconciliationQuery = (p: QueryParams = {}) => useApiQuery<unknown>("costs:reconciliation", "/api/costs/reconciliation", p);
export const useBucketKeySavingsQuery = (p: QueryParams = {}) => useApiQuery<unknown>("savings:bucket-keys", "/api/savings/bucket-keys", p);
export const useIdleKeysQuery = (p: QueryParams = {}) => useApiQuery<unknown>("savings:idle-keys", "/api/savings/idle-keys", p);
export const useMttpQuery = (p: QueryParams = {}) => useApiQuery<unknown>("mttp", "/api/mttp", p);
export const useSettingsQuery = () => useApiQuery<unknown>("settings", "/api/settings");
export const useFreshnessQuery = () => useApiQuery<unknown>("freshness", "/api/freshness");
export const useBillImportsQuery = <T,>(p: QueryParams = {}) => useApiQuery<T>("bill:imports", "/api/bill/imports", p);
export const useRoleMappingsQuery = () => useApiQuery<unknown>("admin:role-mappings", "/api/admin/role-mappings");

// The list pages read one page at a time (components/tables/server-table.tsx): the server
// filters, searches, sorts and counts.
export const KEYS_ENDPOINT = { name: "keys", path: "/api/keys" } as const;
export const NONCOMPLIANT_RESOURCES_ENDPOINT = { name: "resources:noncompliant", path: "/api/resources/noncompliant" } as const;
