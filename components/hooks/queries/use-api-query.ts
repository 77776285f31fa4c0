"use client";

import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { apiGet, type QueryParams } from "./api-client";

/** GET one endpoint under the key [name, params]; every endpoint hook is one line over this. */
export function useApiQuery<T>(name: string, path: string, params: QueryParams = {}, enabled = true, keyParams: QueryParams = params): UseQueryResult<T> {
  return useQuery<T>({
    // keyParams: what identifies the data when part of it is in the path (a key ARN).
    queryKey: [name, keyParams],
    queryFn: ({ signal }) => apiGet<T>(path, params, signal),
    enabled,
  });
}

const PAGE_SIZE = 500;

/**
 * Every page of a paged endpoint ({ total, items }), fetched in turn: the tables search, sort and
 * export on the client, so they need all rows, not the first page.
 */
export function useAllPagesQuery(name: string, path: string, params: QueryParams = {}): UseQueryResult<{ total: number; items: unknown[] }> {
  return useQuery({
    queryKey: [name, { ...params, all: true }],
    queryFn: async ({ signal }) => {
      const items: unknown[] = [];
      for (let page = 1; ; page += 1) {
        const data = await apiGet<{ total: number; items: unknown[] }>(path, { ...params, page, pageSize: PAGE_SIZE }, signal);
        items.push(...data.items);
        if (data.items.length < PAGE_SIZE || items.length >= data.total) return { total: data.total, items };
      }
    },
  });
}
