"use client";

import { useState } from "react";
import type { AlertChannel } from "@/components/hooks/queries/alerts";
import { useSaveRuleMutation, type AlertRule, type AlertRules } from "@/components/hooks/queries/alert-rules";
import { codeLabel, FINDING_LABELS } from "@/lib/domain/labels";
import { FormActions } from "./form-actions";

const input = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const label = "flex flex-col gap-1 text-sm font-medium text-slate-800";
const box = "flex flex-wrap gap-x-4 gap-y-1 rounded-md border border-slate-200 p-2 text-sm";
type Kind = AlertRule["kind"];
type Fields = Record<string, string>;

/** Each kind's thresholds as form fields (strings) and back to the params the API validates. */
const DEFAULTS: Record<Kind, Fields> = {
  KEY_FINDING: { minSeverity: "" },
  COVERAGE_DROP: { measure: "count", minDropPoints: "5" },
  NONCOMPLIANT_RISE: { minRise: "5" },
  COST_PROJECTION: { minIncreasePercent: "20" },
  INGESTION_HEALTH: { maxAgeHours: "36", includePartial: "true" },
};

function paramsOf(kind: Kind, f: Fields, codes: string[]): Record<string, unknown> {
  switch (kind) {
    case "KEY_FINDING":
      return { codes, ...(f.minSeverity ? { minSeverity: f.minSeverity } : {}) };
    case "COVERAGE_DROP":
      return { measure: f.measure, minDropPoints: Number(f.minDropPoints) };
    case "NONCOMPLIANT_RISE":
      return { minRise: Number(f.minRise) };
    case "COST_PROJECTION":
      return { minIncreasePercent: Number(f.minIncreasePercent) };
    case "INGESTION_HEALTH":
      return { maxAgeHours: Number(f.maxAgeHours), includePartial: f.includePartial === "true" };
  }
}

const fieldsOf = (rule?: AlertRule): Fields =>
  rule ? { ...DEFAULTS[rule.kind], ...Object.fromEntries(Object.entries(rule.params).filter(([k]) => k !== "codes").map(([k, v]) => [k, String(v)])) } : DEFAULTS.KEY_FINDING;

const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

/** Create (no `rule`) or edit one rule: its kind's thresholds, business units and channels. */
export function RuleForm({ rule, options, channels, onDone }: { rule?: AlertRule; options: AlertRules; channels: AlertChannel[]; onDone: () => void }) {
  const save = useSaveRuleMutation();
  const [kind, setKind] = useState<Kind>(rule?.kind ?? "KEY_FINDING");
  const [name, setName] = useState(rule?.name ?? "");
  const [fields, setFields] = useState<Fields>(() => fieldsOf(rule));
  const [codes, setCodes] = useState<string[]>(((rule?.params.codes as string[] | undefined) ?? []));
  const [bus, setBus] = useState<string[]>(rule?.businessUnits ?? []);
  const [channelIds, setChannelIds] = useState<string[]>(rule?.channelIds ?? []);
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const scoped = options.kinds.find((k) => k.kind === kind)?.scoped ?? true;
  const number = (key: string, text: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className={label}>
      {text}
      <input name={key} type="number" required value={fields[key] ?? ""} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} className={input} {...props} />
    </label>
  );
  const select = (key: string, text: string, choices: [string, string][]) => (
    <label className={label}>
      {text}
      <select name={key} value={fields[key] ?? ""} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} className={input}>
        {choices.map(([v, t]) => <option key={v} value={v}>{t}</option>)}
      </select>
    </label>
  );
  const submit = () =>
    save.mutate({ id: rule?.id, body: { kind, name, params: paramsOf(kind, fields, codes), businessUnits: scoped ? bus : [], channelIds, enabled } }, { onSuccess: onDone });
  return (
    <form aria-label={rule ? `Edit rule ${rule.name}` : "Add a rule"} onSubmit={(e) => { e.preventDefault(); submit(); }} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-3 md:items-end">
      <label className={label}>
        Rule kind
        <select name="kind" value={kind} onChange={(e) => { const k = e.target.value as Kind; setKind(k); setFields(DEFAULTS[k]); }} className={input}>
          {options.kinds.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
        </select>
      </label>
      <label className={label}>
        Name
        <input name="name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} className={input} placeholder="Critical key findings" />
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Enabled
      </label>
      {kind === "KEY_FINDING" ? (
        <>
          {select("minSeverity", "Minimum severity", [["", codes.length ? "any (findings chosen)" : "high (default)"], ["critical", "critical"], ["high", "high"], ["medium", "medium"], ["low", "low"]])}
          <fieldset className="md:col-span-2">
            <legend className="text-sm font-medium text-slate-800">Findings (none: every finding at the minimum severity)</legend>
            <div className={box}>
              {options.findingCodes.map((c) => (
                <label key={c.code} title={c.code} className="flex items-center gap-1">
                  <input type="checkbox" name="codes" value={c.code} checked={codes.includes(c.code)} onChange={(e) => setCodes(toggle(codes, c.code, e.target.checked))} />
                  {codeLabel(FINDING_LABELS, c.code)} <span className="text-xs text-slate-600">({c.severity})</span>
                </label>
              ))}
            </div>
          </fieldset>
        </>
      ) : null}
      {kind === "COVERAGE_DROP" ? (
        <>
          {select("measure", "Coverage", [["count", "by count"], ["storage", "by storage"]])}
          {number("minDropPoints", "Drop of at least (points, vs 7 days before)", { min: 0.1, max: 100, step: 0.1 })}
        </>
      ) : null}
      {kind === "NONCOMPLIANT_RISE" ? number("minRise", "Rise of at least (resources, vs 7 days before)", { min: 1, step: 1 }) : null}
      {kind === "COST_PROJECTION" ? number("minIncreasePercent", "Projected above last month by at least (%)", { min: 0.1, step: 0.1 }) : null}
      {kind === "INGESTION_HEALTH" ? (
        <>
          {number("maxAgeHours", "Data older than (hours)", { min: 1, step: 1 })}
          {select("includePartial", "Partial runs", [["true", "alert like failed runs"], ["false", "ignore"]])}
        </>
      ) : null}
      {scoped ? (
        <fieldset className="md:col-span-3">
          <legend className="text-sm font-medium text-slate-800">Business units (none: all)</legend>
          <div className={box}>
            {options.businessUnits.map((bu) => (
              <label key={bu} className="flex items-center gap-1">
                <input type="checkbox" name="businessUnits" value={bu} checked={bus.includes(bu)} onChange={(e) => setBus(toggle(bus, bu, e.target.checked))} />
                {bu === "" ? "(untagged)" : bu}
              </label>
            ))}
          </div>
        </fieldset>
      ) : <p className="text-sm text-slate-600 md:col-span-3">Ingestion is watched for the whole organization (not per business unit).</p>}
      {/* min-w-0 and wrap-anywhere: a channel named with one long word (a host, an address) wraps instead of widening the form. */}
      <fieldset className="min-w-0 wrap-anywhere md:col-span-3">
        <legend className="text-sm font-medium text-slate-800">Channels</legend>
        <div className={box}>
          {channels.length === 0 ? <span className="text-slate-600">No channels yet: the rule records its conditions but sends nothing.</span> : null}
          {channels.map((c) => (
            <label key={c.id} className="flex items-center gap-1">
              <input type="checkbox" name="channelIds" value={c.id} checked={channelIds.includes(c.id)} onChange={(e) => setChannelIds(toggle(channelIds, c.id, e.target.checked))} />
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
      <FormActions pending={save.isPending} submitLabel={rule ? "Save rule" : "Add rule"} onCancel={onDone} error={save.error} errorTestId="rule-error" />
    </form>
  );
}
