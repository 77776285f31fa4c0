"use client";

import { keepPreviousData, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { apiGet, type QueryParams } from "./api-client";

/** GET one endpoint under the key [name, params]; every endpoint hook is one line over this. */
export function useApiQuery<T>(name: string, path: string, params: QueryParams = {}, enabled = true, keyParams: QueryParams = params, initialData?: T): UseQueryResult<T> {
  return useQuery<T>({
    // A server page's own read of the same answer (lib/api/serve.ts readEndpoint): shown at once.
    initialData,
    // keyParams: what identifies the data when part of it is in the path (a key ARN).
    queryKey: [name, keyParams],
    queryFn: ({ signal }) => apiGet<T>(path, params, signal),
    enabled,
  });
}

/**
 * One page of a paged endpoint module, the server sorting, searching and counting, keyed [path,
 * params] like useEndpoint. The previous page stays on screen while the next loads
 * (keepPreviousData), so paging never flashes an empty table.
 */
export function usePagedQuery<T>(path: string, params: QueryParams): UseQueryResult<T> {
  return useQuery<T>({
    queryKey: [path, params],
    queryFn: ({ signal }) => apiGet<T>(path, params, signal),
    placeholderData: keepPreviousData,
  });
}
