"use client";

import { useState } from "react";
import type { AlertChannel } from "@/components/hooks/queries/alerts";
import { useSaveScheduleMutation, type ReportSchedule } from "@/components/hooks/queries/reports";
import { FormActions } from "./form-actions";

const input = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const label = "flex flex-col gap-1 text-sm font-medium text-slate-800";
const list = (text: string) => text.split(",").map((s) => s.trim()).filter(Boolean);

/** Create (no `schedule`) or edit a report schedule; the API's 400 message is shown as is. */
export function ReportScheduleForm({ schedule, emailChannels, onDone }: { schedule?: ReportSchedule; emailChannels: AlertChannel[]; onDone: () => void }) {
  const save = useSaveScheduleMutation();
  const [kind, setKind] = useState<ReportSchedule["kind"]>(schedule?.kind ?? "WEEKLY_DIGEST");
  const [name, setName] = useState(schedule?.name ?? "");
  const [channelId, setChannelId] = useState(schedule?.channelId ?? emailChannels[0]?.id ?? "");
  const [recipients, setRecipients] = useState((schedule?.recipients ?? []).join(", "));
  const [businessUnits, setBusinessUnits] = useState((schedule?.businessUnits ?? []).join(", "));
  const [enabled, setEnabled] = useState(schedule?.enabled ?? true);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const bus = kind === "WEEKLY_DIGEST" ? list(businessUnits) : [];
    save.mutate({ id: schedule?.id, kind, name, channelId, recipients: list(recipients), businessUnits: bus, enabled }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2" aria-label={schedule ? `Edit ${schedule.name}` : "New report schedule"}>
      <label className={label}>
        Report
        <select value={kind} onChange={(e) => setKind(e.target.value as ReportSchedule["kind"])} className={input}>
          <option value="WEEKLY_DIGEST">Weekly digest per business unit (Mondays)</option>
          <option value="MONTHLY_SHOWBACK">Monthly showback pack, PDF + CSV (the 1st)</option>
        </select>
      </label>
      <label className={label}>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} className={input} required />
      </label>
      <label className={label}>
        Email channel
        <select value={channelId} onChange={(e) => setChannelId(e.target.value)} className={input}>
          {emailChannels.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      <label className={label}>
        Recipients (comma-separated)
        <input value={recipients} onChange={(e) => setRecipients(e.target.value)} className={input} placeholder="em-payments@example.com, finops@example.com" />
      </label>
      {kind === "WEEKLY_DIGEST" ? (
        <label className={`${label} sm:col-span-2`}>
          Business units (comma-separated; empty: each recipient gets the business units of their own user)
          <input value={businessUnits} onChange={(e) => setBusinessUnits(e.target.value)} className={input} />
        </label>
      ) : null}
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Enabled
      </label>
      <div className="sm:col-span-2">
        <FormActions pending={save.isPending} submitLabel={schedule ? "Save schedule" : "Add schedule"} onCancel={onDone} error={save.error} errorTestId="schedule-error" />
      </div>
    </form>
  );
}
