"use client";

import { useState } from "react";
import { AdminTable, cellClass } from "@/components/admin/admin-frame";
import { formatInstant } from "@/components/admin/when";
import { useAlertDeliveriesQuery, useRetryDeliveryMutation, type AlertDelivery } from "@/components/hooks/queries/alerts";
import { EmptyState, QueryBoundary } from "@/components/tables/states";

const HEADERS = ["Created", "Kind", "Message", "Channel", "Status", "Attempts", "Last error", ""];
const STATUS_CLASS = { SENT: "bg-emerald-100 text-emerald-900", PENDING: "bg-amber-100 text-amber-900", FAILED: "bg-red-100 text-red-900" } as const;

const PAGE = 50;
const MAX = 200; // the API's largest page; older ones through GET /api/alerts/deliveries?cursor=

/** The latest deliveries (alerts, resolutions, digests, showback packs, tests) and how they went. */
export function HistorySection() {
  const [limit, setLimit] = useState(PAGE);
  const deliveries = useAlertDeliveriesQuery(limit);
  const retry = useRetryDeliveryMutation();
  return (
    <section aria-labelledby="alert-history" className="space-y-4">
      <div>
        <h2 id="alert-history" className="text-lg font-semibold text-slate-900">History</h2>
        <p className="text-sm text-slate-600">
          Failed sends are retried after 1, 2, 4 … up to 30 minutes, for 24 hours; then the delivery is marked failed and can be retried here.
        </p>
      </div>
      {retry.error ? <p role="alert" className="text-sm text-red-800">{retry.error.message}</p> : null}
      <QueryBoundary query={deliveries} label="Loading deliveries">
        {({ deliveries: items, nextCursor }) =>
          items.length === 0 ? (
            <EmptyState title="Nothing sent yet">Messages appear here when a rule fires, a report goes out or a channel is tested.</EmptyState>
          ) : (
            <>
              <AdminTable caption="Alert deliveries" headers={HEADERS} testId="deliveries-table">
                {items.map((d) => <DeliveryRow key={d.id} delivery={d} retrying={retry.isPending} onRetry={() => retry.mutate(d.id)} />)}
              </AdminTable>
              {nextCursor && limit < MAX ? (
                <button type="button" onClick={() => setLimit(Math.min(limit + PAGE, MAX))} className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50">
                  Show older
                </button>
              ) : null}
            </>
          )
        }
      </QueryBoundary>
    </section>
  );
}

function DeliveryRow({ delivery: d, retrying, onRetry }: { delivery: AlertDelivery; retrying: boolean; onRetry: () => void }) {
  return (
    <tr data-testid="delivery-row">
      <td className={`${cellClass} whitespace-nowrap`}>{formatInstant(d.createdAt)}</td>
      <td className={cellClass}>{d.kind}</td>
      <td className={cellClass}>
        <p className="font-medium"><bdi>{d.title}</bdi></p>
        <p className="text-xs text-slate-600"><bdi>{d.summary}</bdi></p>
      </td>
      <td className={cellClass}>
        <bdi>{d.channelName ?? "(deleted channel)"}</bdi>
        {d.recipients.length ? <p className="text-xs text-slate-600">to {d.recipients.join(", ")}</p> : null}
      </td>
      <td className={cellClass}>
        <span data-testid="delivery-status" className={`rounded px-2 py-0.5 text-xs font-semibold ${STATUS_CLASS[d.status]}`}>{d.status}</span>
        <p className="mt-1 text-xs text-slate-600">{d.status === "SENT" ? formatInstant(d.sentAt) : d.status === "PENDING" && d.nextAttemptAt ? `next try ${formatInstant(d.nextAttemptAt)}` : null}</p>
      </td>
      <td className={cellClass}>{d.attempts}</td>
      <td className={`${cellClass} max-w-xs break-words text-xs text-red-900`} data-testid="delivery-error">{d.lastError ?? ""}</td>
      <td className={cellClass}>
        {d.status === "FAILED" ? (
          <button type="button" disabled={retrying} onClick={onRetry} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60">
            Retry now
          </button>
        ) : null}
      </td>
    </tr>
  );
}
