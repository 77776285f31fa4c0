"use client";

// One hook per endpoint of docs/api.md, keyed ['<endpoint>', params].
import type { QueryParams } from "./api-client";
import { useApiQuery } from "./use-api-query";

export const useCostsByBuQuery = (p: QueryParams = {}) => useApiQuery<unknown>("costs:by-bu", "/api/costs/by-bu", p);
export const useChargebackQuery = (p: QueryParams = {}) => useApiQuery<unknown>("costs:chargeback", "/api/costs/chargeback", p);
export const useModeledCostsQuery = (p: QueryParams = {}) => useApiQuery<unknown>("costs:modeled", "/api/costs/modeled", p);
export const useCostReconciliationQuery = (p: QueryParams = {}) => useApiQuery<unknown>("costs:reconciliation", "/api/costs/reconciliation", p);
export const useBucketKeySavingsQuery = (p: QueryParams = {}) => useApiQuery<unknown>("savings:bucket-keys", "/api/savings/bucket-keys", p);
export const useIdleKeysQuery = (p: QueryParams = {}) => useApiQuery<unknown>("savings:idle-keys", "/api/savings/idle-keys", p);
export const useRunsQuery = (p: QueryParams = {}) => useApiQuery<unknown>("runs", "/api/runs", p);
export const useRunQuery = (id: string) => useApiQuery<unknown>("runs:detail", `/api/runs/${encodeURIComponent(id)}`, {}, id !== "", { id });
export const useBillImportsQuery = <T,>(p: QueryParams = {}) => useApiQuery<T>("bill:imports", "/api/bill/imports", p);
