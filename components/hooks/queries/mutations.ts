"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RunQueued } from "@/lib/endpoints/runs";
import { apiSend, apiUpload } from "./api-client";

/** PUT /api/settings; on success every cached figure may be stale (settings drive the KPIs). */
export function useUpdateSettingsMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Record<string, unknown>) => apiSend<unknown>("PUT", "/api/settings", patch),
    onSuccess: () => client.invalidateQueries(),
  });
}

/** POST /api/runs: asks the worker for an ingestion run. */
export function useStartRunMutation() {
  const client = useQueryClient();
  return useMutation({
    // The server sets the trigger ("UI"); the body only narrows the scope (all when omitted).
    mutationFn: (scope: { accounts?: string[]; regions?: string[] } = {}) => apiSend<RunQueued>("POST", "/api/runs", scope),
    // useEndpoint keys the run list by its path.
    onSuccess: () => client.invalidateQueries({ queryKey: ["/api/runs"] }),
  });
}

export type RoleMappingInput = { group: string; role: string; businessUnits: string[] };
const roleMappingPath = (group: string) => `/api/admin/role-mappings/${encodeURIComponent(group)}`;

/** PUT /api/admin/role-mappings/{group}: creates or replaces the group's row. */
export function usePutRoleMappingMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ group, ...body }: RoleMappingInput) => apiSend<unknown>("PUT", roleMappingPath(group), body),
    onSuccess: () => client.invalidateQueries({ queryKey: ["admin:role-mappings"] }),
  });
}

/** DELETE /api/admin/role-mappings/{group}: the AUTH_ROLE_MAP entry, if any, applies again. */
export function useDeleteRoleMappingMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (group: string) => apiSend<unknown>("DELETE", roleMappingPath(group), {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ["admin:role-mappings"] }),
  });
}

/** POST /api/bill/imports: imports uploaded export files; the bill's figures and the import list change. */
export function useBillUploadMutation<T>() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (form: FormData) => apiUpload<T>("/api/bill/imports", form),
    onSettled: () => client.invalidateQueries(),
  });
}
