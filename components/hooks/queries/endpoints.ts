"use client";

// One hook per endpoint of docs/api.md, keyed ['<endpoint>', params].
import type { QueryParams } from "./api-client";
import { useApiQuery } from "./use-api-query";

export const useRunsQuery = (p: QueryParams = {}) => useApiQuery<unknown>("runs", "/api/runs", p);
export const useRunQuery = (id: string) => useApiQuery<unknown>("runs:detail", `/api/runs/${encodeURIComponent(id)}`, {}, id !== "", { id });
