"use client";

// The admin pages' endpoints (docs/api.md "Administration"): lists keyed ["admin:<name>"], and
// changes that refresh the lists they affect.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "./api-client";
import { useApiQuery } from "./use-api-query";

export type AdminToken = {
  id: string;
  name: string;
  role: string;
  businessUnits: string[];
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  status: "active" | "expired" | "revoked";
};
export type CreatedToken = { id: string; name: string; role: string; businessUnits: string[]; expiresAt: string; secret: string };
export type AdminUser = {
  id: string;
  subject: string;
  email: string | null;
  name: string | null;
  role: string | null;
  businessUnits: string[] | null;
  groups: string[];
  lastSignInAt: string | null;
  lastSeenAt: string | null;
  activeSessions: number;
};
export type AdminSession = { id: string; user: { id: string; name: string; role: string | null }; createdAt: string; lastSeenAt: string; expiresAt: string; idleExpiresAt: string };
type Items<T> = { items: T[] };

export const useAdminTokensQuery = () => useApiQuery<Items<AdminToken>>("admin:tokens", "/api/admin/tokens");
export const useAdminUsersQuery = () => useApiQuery<Items<AdminUser>>("admin:users", "/api/admin/users");
export const useAdminSessionsQuery = () => useApiQuery<Items<AdminSession>>("admin:sessions", "/api/admin/sessions");

export function useCreateTokenMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => apiSend<CreatedToken>("POST", "/api/admin/tokens", body),
    onSuccess: () => client.invalidateQueries({ queryKey: ["admin:tokens"] }),
  });
}

/** A DELETE of one thing by path; users and sessions are refreshed together (a revoke changes both). */
export function useRevokeMutation(lists: readonly string[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => apiSend<unknown>("DELETE", path, {}),
    onSuccess: () => Promise.all(lists.map((name) => client.invalidateQueries({ queryKey: [name] }))),
  });
}
