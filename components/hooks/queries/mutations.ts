"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { deleteRoleMappingEndpoint, putRoleMappingEndpoint } from "@/lib/endpoints/admin/role-mappings/[group]";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { putSettingsEndpoint } from "@/lib/endpoints/settings";
import type { RunQueued } from "@/lib/endpoints/runs";
import { apiSend, apiUpload } from "./api-client";
import { sendEndpoint, type BodyOf } from "./use-endpoint";

/**
 * PUT /api/settings; on success every cached figure may be stale (figures computed when read
 * follow the settings at once; the stored ones once the queued recompute is done).
 */
export function useUpdateSettingsMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Record<string, unknown>) => apiSend<ResponseOf<typeof putSettingsEndpoint>>("PUT", "/api/settings", patch),
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

export type RoleMappingInput = { group: string } & BodyOf<typeof putRoleMappingEndpoint>;
const ROLE_MAPPINGS = "/api/admin/role-mappings";
const ROLE_MAPPING = "/api/admin/role-mappings/[group]";

/** PUT /api/admin/role-mappings/{group}: creates or replaces the group's row. */
export function usePutRoleMappingMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ group, ...body }: RoleMappingInput) => sendEndpoint<typeof putRoleMappingEndpoint>("PUT", ROLE_MAPPING, body, { group }),
    onSuccess: () => client.invalidateQueries({ queryKey: [ROLE_MAPPINGS] }),
  });
}

/** DELETE /api/admin/role-mappings/{group}: the AUTH_ROLE_MAP entry, if any, applies again. */
export function useDeleteRoleMappingMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (group: string) => sendEndpoint<typeof deleteRoleMappingEndpoint>("DELETE", ROLE_MAPPING, {}, { group }),
    onSuccess: () => client.invalidateQueries({ queryKey: [ROLE_MAPPINGS] }),
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
