"use client";

import { useAdminSessionsQuery, useAdminUsersQuery, useRevokeMutation } from "@/components/hooks/queries/admin";
import { EmptyState, QueryBoundary } from "@/components/tables/states";
import { AdminTable, cellClass } from "./admin-frame";
import { ConfirmButton } from "./confirm-button";
import { formatInstant } from "./when";

// A revoke changes both lists (a user's session count, the live sessions).
const LISTS = ["/api/admin/users", "/api/admin/sessions"] as const;
const earlier = (a: string, b: string) => (a < b ? a : b);

export function UsersView() {
  const users = useAdminUsersQuery();
  const sessions = useAdminSessionsQuery();
  const revoke = useRevokeMutation(LISTS);
  return (
    <div className="space-y-8">
      {revoke.error ? <p role="alert" className="text-sm text-red-800">{revoke.error.message}</p> : null}
      <section className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">Users</h2>
        <p className="text-sm text-slate-600">Everyone who signed in through single sign-on; the role is the one their groups gave at their last sign-in.</p>
        <QueryBoundary query={users} label="Loading users">
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState title="Nobody has signed in yet">Users appear here after their first single sign-on.</EmptyState>
            ) : (
              <AdminTable caption="Users" headers={["User", "Role", "Business units", "Groups", "Last sign-in", "Last seen", "Active sessions", ""]} testId="users-table">
                {items.map((u) => (
                  <tr key={u.id} data-testid="user-row">
                    <td className={cellClass}><bdi className="font-medium">{u.email ?? u.name ?? u.subject}</bdi><div className="text-xs text-slate-500"><bdi>{u.subject}</bdi></div></td>
                    <td className={cellClass}>{u.role ?? "no access"}</td>
                    <td className={cellClass}>{u.businessUnits ? u.businessUnits.join(", ") : u.role ? "all" : "—"}</td>
                    <td className={cellClass}>{u.groups.join(", ")}</td>
                    <td className={cellClass}>{formatInstant(u.lastSignInAt)}</td>
                    <td className={cellClass}>{formatInstant(u.lastSeenAt)}</td>
                    <td className={cellClass}>{u.activeSessions}</td>
                    <td className={cellClass}>
                      {u.activeSessions > 0 ? <ConfirmButton label="Sign out everywhere" confirmLabel={`Sign out ${u.email ?? u.name ?? u.subject}`} disabled={revoke.isPending} onConfirm={() => revoke.mutate(`/api/admin/users/${u.id}/sessions`)} /> : null}
                    </td>
                  </tr>
                ))}
              </AdminTable>
            )
          }
        </QueryBoundary>
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">Active sessions</h2>
        <p className="text-sm text-slate-600">A session ends when idle too long, at its absolute expiry, or when revoked here (at once on this server, within 5 seconds on others).</p>
        <QueryBoundary query={sessions} label="Loading sessions">
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState title="No active sessions" />
            ) : (
              <AdminTable caption="Active sessions" headers={["User", "Role", "Signed in", "Last seen", "Ends at the latest", ""]} testId="sessions-table">
                {items.map((s) => (
                  <tr key={s.id} data-testid="session-row">
                    <td className={cellClass}><bdi>{s.user.name}</bdi></td>
                    <td className={cellClass}>{s.user.role ?? "no access"}</td>
                    <td className={cellClass}>{formatInstant(s.createdAt)}</td>
                    <td className={cellClass}>{formatInstant(s.lastSeenAt)}</td>
                    <td className={cellClass}>{formatInstant(earlier(s.expiresAt, s.idleExpiresAt))}</td>
                    <td className={cellClass}>
                      <ConfirmButton label="Revoke" confirmLabel="Revoke session" disabled={revoke.isPending} onConfirm={() => revoke.mutate(`/api/admin/sessions/${s.id}`)} />
                    </td>
                  </tr>
                ))}
              </AdminTable>
            )
          }
        </QueryBoundary>
      </section>
    </div>
  );
}
