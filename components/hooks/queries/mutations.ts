"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "./api-client";

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
    mutationFn: () => apiSend<unknown>("POST", "/api/runs", { trigger: "UI" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["runs"] }),
  });
}
