"use client";

import { useState } from "react";
import { useAdminTokensQuery, useRevokeMutation, type AdminToken, type CreatedToken } from "@/components/hooks/queries/admin";
import { EmptyState, QueryBoundary } from "@/components/tables/states";
import { AdminTable, cellClass } from "./admin-frame";
import { ConfirmButton } from "./confirm-button";
import { NewSecret, TokenForm } from "./token-form";
import { formatInstant } from "./when";

const HEADERS = ["Name", "Role", "Business units", "Created by", "Created", "Expires", "Last used", "Status", ""];

export function TokensView() {
  const tokens = useAdminTokensQuery();
  const revoke = useRevokeMutation(["/api/admin/tokens"]);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  return (
    <div className="space-y-6">
      <TokenForm onCreated={setCreated} />
      {created ? <NewSecret token={created} onDone={() => setCreated(null)} /> : null}
      {revoke.error ? <p role="alert" className="text-sm text-red-800">{revoke.error.message}</p> : null}
      <QueryBoundary query={tokens} label="Loading tokens">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="No API tokens yet">Create one above for a script or a BI tool.</EmptyState>
          ) : (
            <AdminTable caption="API tokens" headers={HEADERS} testId="tokens-table">
              {items.map((t) => <TokenRow key={t.id} token={t} revoking={revoke.isPending} onRevoke={() => revoke.mutate(`/api/admin/tokens/${t.id}`)} />)}
            </AdminTable>
          )
        }
      </QueryBoundary>
    </div>
  );
}

function TokenRow({ token: t, revoking, onRevoke }: { token: AdminToken; revoking: boolean; onRevoke: () => void }) {
  return (
    <tr data-testid="token-row">
      <td className={`${cellClass} font-medium`}><bdi>{t.name}</bdi></td>
      <td className={cellClass}>{t.role}</td>
      <td className={cellClass}>{t.role === "viewer" ? t.businessUnits.join(", ") : "all"}</td>
      <td className={cellClass}><bdi>{t.createdBy}</bdi></td>
      <td className={cellClass}>{formatInstant(t.createdAt)}</td>
      <td className={cellClass}>{formatInstant(t.expiresAt)}</td>
      <td className={cellClass} data-testid="token-last-used">{t.lastUsedAt ? formatInstant(t.lastUsedAt) : "never"}</td>
      <td className={cellClass} data-testid="token-status">{t.status}</td>
      <td className={cellClass}>
        {t.status === "active" ? <ConfirmButton label="Revoke" confirmLabel={`Revoke ${t.name}`} disabled={revoking} onConfirm={onRevoke} /> : null}
      </td>
    </tr>
  );
}
