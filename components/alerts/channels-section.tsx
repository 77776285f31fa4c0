"use client";

import { useState } from "react";
import { AdminTable, cellClass } from "@/components/admin/admin-frame";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { useAlertChannelsQuery, useDeleteChannelMutation, useTestChannelMutation, type AlertChannel, type ChannelTestResult } from "@/components/hooks/queries/alerts";
import { EmptyState, QueryBoundary } from "@/components/tables/states";
import { ChannelForm } from "./channel-form";

const HEADERS = ["Name", "Kind", "Destination", "Test", ""];
const KIND_LABEL: Record<string, string> = { SLACK: "Slack", TEAMS: "Teams", WEBHOOK: "Webhook", EMAIL: "Email" };

/** Where a channel sends, with its secrets masked as the API gives them. */
function destination(c: AlertChannel): string {
  const cfg = c.config;
  if (c.kind === "EMAIL") return `${cfg.host}:${cfg.port} (${cfg.tls}${cfg.user ? `, user ${cfg.user}, password ${cfg.passwordSet ? "set" : "none"}` : ""}) from ${cfg.from} to ${cfg.recipients?.length ? cfg.recipients.join(", ") : "each report's recipients"}`;
  return [cfg.maskedUrl, cfg.maskedSigningSecret ? `secret ${cfg.maskedSigningSecret}` : ""].filter(Boolean).join(" · ");
}

export function ChannelsSection() {
  const channels = useAlertChannelsQuery();
  const remove = useDeleteChannelMutation();
  const [editing, setEditing] = useState<AlertChannel | "new" | null>(null);
  return (
    <section aria-labelledby="alert-channels" className="space-y-4">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h2 id="alert-channels" className="text-lg font-semibold text-slate-900">Channels</h2>
          <p className="text-sm text-slate-600">Slack, Microsoft Teams, signed webhooks and email. Secrets are stored encrypted and never shown again.</p>
        </div>
        {editing === null ? (
          <button type="button" onClick={() => setEditing("new")} className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
            Add channel
          </button>
        ) : null}
      </div>
      {editing ? <ChannelForm key={editing === "new" ? "new" : editing.id} channel={editing === "new" ? undefined : editing} onDone={() => setEditing(null)} /> : null}
      {remove.error ? <p role="alert" className="text-sm text-red-800">{remove.error.message}</p> : null}
      <QueryBoundary query={channels} label="Loading channels">
        {({ channels: items, secretKeyConfigured }) => (
          <>
            {secretKeyConfigured ? null : (
              <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
                ALERTS_SECRET_KEY is not set on the server: channels cannot be saved or used until it is (see README, Alerts).
              </p>
            )}
            {items.length === 0 ? (
              <EmptyState title="No channels yet">Add one to receive alerts, digests and the showback pack.</EmptyState>
            ) : (
              <AdminTable caption="Alert channels" headers={HEADERS} testId="channels-table">
                {items.map((c) => (
                  <ChannelRow key={c.id} channel={c} onEdit={() => setEditing(c)} deleting={remove.isPending} onDelete={() => remove.mutate(c.id)} />
                ))}
              </AdminTable>
            )}
          </>
        )}
      </QueryBoundary>
    </section>
  );
}

function ChannelRow({ channel: c, onEdit, onDelete, deleting }: { channel: AlertChannel; onEdit: () => void; onDelete: () => void; deleting: boolean }) {
  const test = useTestChannelMutation();
  return (
    <tr data-testid="channel-row">
      <td className={`${cellClass} font-medium`}><bdi>{c.name}</bdi></td>
      <td className={cellClass}>{KIND_LABEL[c.kind] ?? c.kind}</td>
      <td className={`${cellClass} break-all font-mono text-xs`} data-testid="channel-destination">{destination(c)}</td>
      <td className={cellClass}>
        <button type="button" disabled={test.isPending} onClick={() => test.mutate(c.id)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60">
          {test.isPending ? "Sending…" : "Send test"}
        </button>
        <TestOutcome result={test.data} error={test.error} />
      </td>
      <td className={`${cellClass} whitespace-nowrap`}>
        <span className="inline-flex gap-1">
          <button type="button" onClick={onEdit} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50">
            Edit
          </button>
          <ConfirmButton label="Delete" confirmLabel={`Delete ${c.name}`} disabled={deleting} onConfirm={onDelete} />
        </span>
      </td>
    </tr>
  );
}

function TestOutcome({ result, error }: { result?: ChannelTestResult; error: Error | null }) {
  if (error) return <p role="alert" data-testid="test-outcome" className="mt-1 text-xs text-red-800">{error.message}</p>;
  if (!result) return null;
  const text =
    result.status === "SENT" ? "Sent" : result.status === "FAILED" ? `Failed: ${result.error}` : `Not delivered yet: ${result.error ?? "queued"}. Retried automatically.`;
  return <p role="status" data-testid="test-outcome" className={`mt-1 text-xs ${result.status === "SENT" ? "text-emerald-800" : "text-red-800"}`}>{text}</p>;
}
