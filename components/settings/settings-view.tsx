"use client";

import { useState } from "react";
import { useSettingsQuery } from "@/components/hooks/queries/endpoints";
import { useUpdateSettingsMutation } from "@/components/hooks/queries/mutations";
import { ApiError } from "@/components/hooks/queries/api-client";
import { str, type Row } from "@/components/hooks/queries/types";
import { QueryBoundary } from "@/components/tables/states";

type Kind = "text" | "number" | "list";
const FIELDS: { path: string; label: string; kind: Kind; help: string }[] = [
  { path: "businessUnitTagKey", label: "Business unit tag key", kind: "text", help: "Tag that names the business unit of a key or resource" },
  { path: "environmentTagKey", label: "Environment tag key", kind: "text", help: "Tag holding the environment" },
  { path: "productionValues", label: "Production values", kind: "list", help: "Environment values that count as production (comma-separated)" },
  { path: "cmkRequiredClassifications", label: "Classifications requiring a CMK", kind: "list", help: "Comma-separated" },
  { path: "requiredKeyTags", label: "Required key tags", kind: "list", help: "MISSING_TAGS fires when a CMK lacks one" },
  { path: "aliasPattern", label: "Alias convention (regex)", kind: "text", help: "ALIAS_CONVENTION fires when no alias matches" },
  { path: "unusedKeyDays", label: "Unused key after (days)", kind: "number", help: "UNUSED: no cryptographic use for this many days" },
  { path: "sharedKeyApplicationThreshold", label: "Shared key: applications above", kind: "number", help: "SHARED_MASTER_KEY threshold" },
  { path: "bucketKeyReduction", label: "Bucket Key request reduction (0–1)", kind: "number", help: "AWS measured 0.97 in its sample" },
  { path: "costSource", label: "Cost source", kind: "text", help: "auto: the imported bill where a month has one, Cost Explorer otherwise; costExplorer: Cost Explorer only" },
  { path: "targets.coverageByCount", label: "Target: coverage by count (%)", kind: "number", help: "Shown on Teams scorecards" },
  { path: "targets.coverageByStorage", label: "Target: coverage by storage (%)", kind: "number", help: "" },
  { path: "targets.nonCompliant", label: "Target: non-compliant resources", kind: "number", help: "" },
  { path: "targets.mttpDays", label: "Target: mean time to provision (days)", kind: "number", help: "" },
];

function read(settings: Row, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Row)[k] : undefined), settings);
}
function toText(value: unknown): string {
  return Array.isArray(value) ? value.join(", ") : str(value);
}
function toPatch(path: string, kind: Kind, text: string): Row {
  const value = kind === "number" ? (text.trim() === "" ? text : Number(text)) : kind === "list" ? text.split(",").map((s) => s.trim()).filter(Boolean) : text;
  const [head, tail] = path.split(".");
  return tail ? { [head!]: { [tail]: value } } : { [head!]: value };
}

export function SettingsView() {
  const query = useSettingsQuery();
  return <QueryBoundary query={query} label="Loading settings">{(data) => {
        const settings = ((data as Row).settings ?? {}) as Row;
        // Keyed by the saved settings: a save (or another tab's) restarts the form from them.
        return <SettingsForm key={JSON.stringify(settings)} settings={settings} />;
      }}</QueryBoundary>;
}

function SettingsForm({ settings }: { settings: Row }) {
  const mutation = useUpdateSettingsMutation();
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.path, toText(read(settings, f.path))])));
  const [errorField, setErrorField] = useState<string | null>(null);
  const save = (path: string, kind: Kind) => {
    setErrorField(path);
    mutation.mutate(toPatch(path, kind, draft[path] ?? ""));
  };
  const result = (mutation.data ?? null) as Row | null;
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  return (
    <div className="space-y-4">
      {result ? (
        <div role="status" data-testid="settings-effect" className="rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
          Saved. Changed: {toText(result.changed) || "nothing"}. Recomputed: {toText(result.recomputed) || "nothing"}.
        </div>
      ) : null}
      <div className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:grid-cols-2">
        {FIELDS.map((f) => {
          const id = `setting-${f.path.replace(".", "-")}`;
          const showError = error && errorField === f.path;
          return (
            <form key={f.path} className="flex flex-col gap-1" onSubmit={(e) => { e.preventDefault(); save(f.path, f.kind); }}>
              <label htmlFor={id} className="text-sm font-medium text-slate-800">{f.label}</label>
              <div className="flex gap-2">
                <input id={id} name={f.path} value={draft[f.path] ?? ""} onChange={(e) => setDraft((d) => ({ ...d, [f.path]: e.target.value }))}
                  aria-invalid={showError ? true : undefined} aria-describedby={`${id}-help${showError ? ` ${id}-error` : ""}`}
                  className={`w-full rounded-md border px-2 py-1.5 text-sm ${showError ? "border-red-500" : "border-slate-300"}`} />
                <button type="submit" disabled={mutation.isPending} className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">Save</button>
              </div>
              <p id={`${id}-help`} className="text-xs text-slate-600">{f.help}</p>
              {showError ? <p id={`${id}-error`} role="alert" data-testid="setting-error" className="text-sm text-red-800">{error.message}</p> : null}
            </form>
          );
        })}
      </div>
    </div>
  );
}
