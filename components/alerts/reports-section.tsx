"use client";

import { useState } from "react";
import { AdminTable, cellClass } from "@/components/admin/admin-frame";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { useAlertChannelsQuery } from "@/components/hooks/queries/alerts";
import { useDeleteScheduleMutation, useReportSchedulesQuery, useSendScheduleNowMutation, type ReportSchedule } from "@/components/hooks/queries/reports";
import { EmptyState, QueryBoundary } from "@/components/tables/states";
import { ReportScheduleForm } from "./report-schedule-form";

const HEADERS = ["Name", "Report", "Recipients", "Business units", "Last sent", "Next", ""];
const KIND_LABEL: Record<ReportSchedule["kind"], string> = { WEEKLY_DIGEST: "Weekly digest", MONTHLY_SHOWBACK: "Monthly showback pack" };
const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—");

/** Scheduled reports: the weekly digest per business unit and the monthly showback pack, by email. */
export function ReportsSection() {
  const schedules = useReportSchedulesQuery();
  const channels = useAlertChannelsQuery();
  const remove = useDeleteScheduleMutation();
  const sendNow = useSendScheduleNowMutation();
  const [editing, setEditing] = useState<ReportSchedule | "new" | null>(null);
  const emailChannels = (channels.data?.channels ?? []).filter((c) => c.kind === "EMAIL");
  return (
    <section aria-labelledby="report-schedules" className="space-y-4">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h2 id="report-schedules" className="text-lg font-semibold text-slate-900">Scheduled reports</h2>
          <p className="text-sm text-slate-600">
            The weekly digest per business unit goes out on Mondays, the showback pack of the month just closed on the 1st (06:00 UTC), through an email channel.
          </p>
        </div>
        {editing === null && emailChannels.length > 0 ? (
          <button type="button" onClick={() => setEditing("new")} className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
            Add schedule
          </button>
        ) : null}
      </div>
      {channels.data && emailChannels.length === 0 ? <p className="text-sm text-slate-600">Add an email channel first: reports are sent by email.</p> : null}
      {editing ? <ReportScheduleForm key={editing === "new" ? "new" : editing.id} schedule={editing === "new" ? undefined : editing} emailChannels={emailChannels} onDone={() => setEditing(null)} /> : null}
      {remove.error || sendNow.error ? <p role="alert" className="text-sm text-red-800">{(remove.error ?? sendNow.error)!.message}</p> : null}
      {sendNow.data ? <p role="status" className="text-sm text-emerald-800">Queued{sendNow.data.month ? ` (month ${sendNow.data.month})` : ""}: the worker sends it shortly; see the history below.</p> : null}
      <QueryBoundary query={schedules} label="Loading report schedules">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="No scheduled reports">Add a weekly digest for engineering managers or the monthly showback pack for the FinOps review.</EmptyState>
          ) : (
            <AdminTable caption="Report schedules" headers={HEADERS} testId="report-schedules-table">
              {items.map((s) => (
                <tr key={s.id}>
                  <td className={cellClass}>{s.name}{s.enabled ? "" : " (disabled)"}</td>
                  <td className={cellClass}>{KIND_LABEL[s.kind]}</td>
                  <td className={cellClass}>{s.recipients.join(", ")}</td>
                  <td className={cellClass}>{s.kind === "MONTHLY_SHOWBACK" ? "organization" : s.businessUnits.length ? s.businessUnits.join(", ") : "each recipient's own"}</td>
                  <td className={cellClass}>{when(s.lastSentAt)}</td>
                  <td className={cellClass}>{when(s.nextSendAt)}</td>
                  <td className={`${cellClass} whitespace-nowrap`}>
                    <span className="inline-flex gap-1">
                      <button type="button" onClick={() => sendNow.mutate(s.id)} disabled={sendNow.isPending} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60">
                        Send now
                      </button>
                      <button type="button" onClick={() => setEditing(s)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50">
                        Edit
                      </button>
                      <ConfirmButton label="Delete" confirmLabel="Confirm delete" disabled={remove.isPending} onConfirm={() => remove.mutate(s.id)} />
                    </span>
                  </td>
                </tr>
              ))}
            </AdminTable>
          )
        }
      </QueryBoundary>
    </section>
  );
}
