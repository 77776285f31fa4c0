"use client";

// The admin pages' endpoints (docs/api.md "Administration"), read and changed through their
// modules' types; a change refreshes the lists it affects (keyed by their paths, useEndpoint).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { sessionsEndpoint } from "@/lib/endpoints/admin/sessions";
import type { getTokensEndpoint, postTokensEndpoint } from "@/lib/endpoints/admin/tokens";
import type { usersEndpoint } from "@/lib/endpoints/admin/users";
import { apiSend } from "./api-client";
import { sendEndpoint, useEndpoint, type BodyOf } from "./use-endpoint";

export type AdminToken = ResponseOf<typeof getTokensEndpoint>["items"][number];
export type CreatedToken = ResponseOf<typeof postTokensEndpoint>;

export const useAdminTokensQuery = () => useEndpoint<typeof getTokensEndpoint>("/api/admin/tokens");
export const useAdminUsersQuery = () => useEndpoint<typeof usersEndpoint>("/api/admin/users");
export const useAdminSessionsQuery = () => useEndpoint<typeof sessionsEndpoint>("/api/admin/sessions");

export function useCreateTokenMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof postTokensEndpoint>) => sendEndpoint<typeof postTokensEndpoint>("POST", "/api/admin/tokens", body),
    onSuccess: () => client.invalidateQueries({ queryKey: ["/api/admin/tokens"] }),
  });
}

/**
 * A DELETE of one thing by its path (a token, a session, a user's sessions), answered with what
 * changed; `lists` are the paths of the lists to refresh (a revoke changes users and sessions together).
 */
export function useRevokeMutation(lists: readonly string[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => apiSend<unknown>("DELETE", path, {}),
    onSuccess: () => Promise.all(lists.map((path) => client.invalidateQueries({ queryKey: [path] }))),
  });
}
