"use client";

import { useState } from "react";
import { useUpdateSettingsMutation } from "@/components/hooks/queries/mutations";
import { ApiError } from "@/components/hooks/queries/api-client";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import type { Row } from "@/components/hooks/queries/types";
import { QueryBoundary } from "@/components/tables/states";
import type { getSettingsEndpoint } from "@/lib/endpoints/settings";
import { COST_SOURCE_SETTINGS } from "@/lib/settings/cost-source";
import { DERIVED_DATA_LABELS, describeDuration, estimateRecompute } from "@/lib/settings/recompute-estimate";
import { RecomputeProgress } from "./recompute-progress";
import { changedSettings, draftOf, fieldId, FIELDS, GROUPS, toPatch, type SettingField } from "./setting-fields";

export function SettingsView({ editable }: { editable: boolean }) {
  const query = useEndpoint<typeof getSettingsEndpoint>("/api/settings");
  // Here, not in the form: the form restarts after a save, the outcome stays on screen.
  const mutation = useUpdateSettingsMutation();
  return <QueryBoundary query={query} label="Loading settings">{(data) => (
        <div className="space-y-4">
          <RecomputeProgress status={data.recompute} />
          {/* Keyed by the saved settings: a save (or another tab's) restarts the form from them. */}
          <SettingsForm key={JSON.stringify(data.settings)} settings={data.settings} historyRows={data.historyRows} editable={editable} mutation={mutation} />
        </div>
      )}</QueryBoundary>;
}

type Mutation = ReturnType<typeof useUpdateSettingsMutation>;

function SettingsForm({ settings, historyRows, editable, mutation }: { settings: Row; historyRows: number; editable: boolean; mutation: Mutation }) {
  const [saved] = useState(() => draftOf(settings));
  const [draft, setDraft] = useState(saved);
  const changed = changedSettings(saved, draft);
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  const errors = new Map((error?.fieldErrors ?? []).map((e) => [e.field, e.message]));
  // A 400 about something no field shows (or any other failure): said once, above Save.
  const placed = [...errors.keys()].some((field) => FIELDS.some((f) => f.path === field));
  const unplaced = mutation.error && !placed ? mutation.error.message : null;
  const result = mutation.data ?? null;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (editable && changed.length) mutation.mutate(toPatch(saved, draft));
  };
  return (
    <form className="space-y-4" onSubmit={submit} noValidate aria-label="Policy settings">
      {result && !error ? (
        <div role="status" data-testid="settings-effect" className="rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          Saved. Changed: {result.changed.join(", ") || "nothing"}. Affects: {result.recomputed.join(", ") || "nothing"}.
        </div>
      ) : null}
      {!editable ? <p data-testid="settings-read-only" className="text-sm text-slate-700">Read-only: only an admin can change the settings.</p> : null}
      {GROUPS.map((group) => (
        <fieldset key={group.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <legend className="px-1 text-sm font-semibold text-slate-900">{group.title}</legend>
          {group.id === "cmk" ? <CmkRule draft={draft} /> : null}
          <div className="grid gap-3 lg:grid-cols-2">
            {FIELDS.filter((f) => f.group === group.id).map((f) => (
              <Field key={f.path} field={f} value={draft[f.path] ?? ""} error={errors.get(f.path)} editable={editable}
                onChange={(value) => setDraft((d) => ({ ...d, [f.path]: value }))} />
            ))}
          </div>
        </fieldset>
      ))}
      {editable ? (
        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <button type="submit" disabled={mutation.isPending || changed.length === 0} className="rounded-md bg-slate-800 px-4 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
            {mutation.isPending ? "Saving…" : "Save"}
          </button>
          <RecomputeSummary changed={changed} historyRows={historyRows} />
          {errors.size ? <p role="alert" data-testid="settings-invalid" className="w-full text-sm text-red-800">Nothing was saved: {errors.size} setting{errors.size === 1 ? " is" : "s are"} invalid (marked above).</p> : null}
          {unplaced ? <p role="alert" className="w-full text-sm text-red-800">{unplaced}</p> : null}
        </div>
      ) : null}
    </form>
  );
}

function Field({ field, value, error, editable, onChange }: { field: SettingField; value: string; error: string | undefined; editable: boolean; onChange: (value: string) => void }) {
  const id = fieldId(field.path);
  const describedBy = [field.help ? `${id}-help` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id, name: field.path, value, disabled: !editable, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy,
    className: `w-full rounded-md border px-2 py-1.5 text-sm disabled:bg-slate-50 ${error ? "border-red-500" : "border-slate-300"}`,
  } as const;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">{field.label}</label>
      {field.kind === "costSource" ? (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {COST_SOURCE_SETTINGS.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      ) : (
        <input {...common} inputMode={field.kind === "number" || field.kind === "price" ? "decimal" : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
      {field.help ? <p id={`${id}-help`} className="text-xs text-slate-600">{field.help}</p> : null}
      {error ? <p id={`${id}-error`} data-testid="setting-error" className="text-sm text-red-800">{error}</p> : null}
    </div>
  );
}

/** DOMAIN.md §6 in words, with the values being edited. */
function CmkRule({ draft }: { draft: Record<string, string> }) {
  const list = (text: string | undefined) => text?.trim() || "(none)";
  return (
    <p data-testid="cmk-rule" className="mb-3 text-sm text-slate-800">
      A resource needs a customer managed key when its environment (tag <code>{draft.environmentTagKey}</code>) is one of: {list(draft.productionValues)}{" "}
      <strong>OR</strong> its classification (tag <code>{draft.classificationTagKey}</code>) is one of: {list(draft.cmkRequiredClassifications)}.
    </p>
  );
}

function RecomputeSummary({ changed, historyRows }: { changed: string[]; historyRows: number }) {
  if (changed.length === 0) return <p data-testid="settings-summary" className="text-sm text-slate-600">No changes to save.</p>;
  const { recomputed, seconds } = estimateRecompute(changed, historyRows);
  return (
    <div data-testid="settings-summary" className="text-sm text-slate-800">
      <p>Changing {changed.join(", ")}.{" "}
        {recomputed.length ? <>Saving recomputes: {recomputed.map((d) => DERIVED_DATA_LABELS[d]).join("; ")}.</> : "Nothing is recomputed."}
      </p>
      {recomputed.length ? <p className="text-slate-600">Rough duration: {describeDuration(seconds)} ({historyRows.toLocaleString("en-US")} history rows).</p> : null}
    </div>
  );
}
