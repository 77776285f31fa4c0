"use client";

import { useState } from "react";
import { AdminTable, cellClass } from "@/components/admin/admin-frame";
import { ConfirmButton } from "@/components/admin/confirm-button";
import { useAlertChannelsQuery, type AlertChannel } from "@/components/hooks/queries/alerts";
import { useAlertConditionsQuery, useAlertRulesQuery, useDeleteRuleMutation, useMuteRuleMutation, type AlertRule } from "@/components/hooks/queries/alert-rules";
import { EmptyState, QueryBoundary } from "@/components/tables/states";
import { codeLabels, FINDING_LABELS } from "@/lib/domain/labels";
import { RuleForm } from "./rule-form";

const HEADERS = ["Name", "Kind", "Scope", "Thresholds", "Channels", "Open", "Mute", ""];

/** A rule's thresholds in words, as its kind reads them (docs/api.md, the params table). */
export function thresholds(rule: Pick<AlertRule, "kind" | "params">): string {
  const p = rule.params as Record<string, string | number | boolean | string[] | undefined>;
  switch (rule.kind) {
    case "KEY_FINDING": {
      const codes = (p.codes as string[] | undefined) ?? [];
      return `${codes.length ? codeLabels(FINDING_LABELS, codes) : "any finding"} at ${p.minSeverity ?? (codes.length ? "any severity" : "high")} or above`;
    }
    case "COVERAGE_DROP":
      return `coverage by ${p.measure} drops ≥ ${p.minDropPoints} points in 7 days`;
    case "NONCOMPLIANT_RISE":
      return `non-compliant resources rise ≥ ${p.minRise} in 7 days`;
    case "COST_PROJECTION":
      return `month projected ≥ ${p.minIncreasePercent} % above last month`;
    case "INGESTION_HEALTH":
      return `latest run failed${p.includePartial === false ? "" : " or partial"}, or data ≥ ${p.maxAgeHours} h old`;
  }
}

const scopeOf = (r: AlertRule, scoped: boolean) => (!scoped ? "organization" : r.businessUnits.length ? r.businessUnits.map((b) => (b === "" ? "(untagged)" : b)).join(", ") : "all business units");

export function RulesSection() {
  const rules = useAlertRulesQuery();
  const channels = useAlertChannelsQuery();
  const remove = useDeleteRuleMutation();
  const [editing, setEditing] = useState<AlertRule | "new" | null>(null);
  const channelList = channels.data?.channels ?? [];
  return (
    <section aria-labelledby="alert-rules" className="space-y-4">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h2 id="alert-rules" className="text-lg font-semibold text-slate-900">Rules</h2>
          <p className="text-sm text-slate-600">
            Evaluated after each ingestion run and rollup. A rule sends one message per evaluation listing what is new, and one listing what cleared; a muted rule keeps track but sends nothing.
          </p>
        </div>
        {editing === null ? (
          <button type="button" onClick={() => setEditing("new")} className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
            Add rule
          </button>
        ) : null}
      </div>
      {remove.error ? <p role="alert" className="text-sm text-red-800">{remove.error.message}</p> : null}
      <QueryBoundary query={rules} label="Loading rules">
        {(data) => (
          <>
            {editing ? <RuleForm key={editing === "new" ? "new" : editing.id} rule={editing === "new" ? undefined : editing} options={data} channels={channelList} onDone={() => setEditing(null)} /> : null}
            {data.rules.length === 0 ? (
              <EmptyState title="No rules yet">Add one to be told about new key findings, coverage drops, rising non-compliance, cost projections or ingestion trouble.</EmptyState>
            ) : (
              <AdminTable caption="Alert rules" headers={HEADERS} testId="rules-table">
                {data.rules.map((r) => (
                  <RuleRow key={r.id} rule={r} scoped={data.kinds.find((k) => k.kind === r.kind)?.scoped ?? true} label={data.kinds.find((k) => k.kind === r.kind)?.label ?? r.kind}
                    channels={channelList} onEdit={() => setEditing(r)} deleting={remove.isPending} onDelete={() => remove.mutate(r.id)} />
                ))}
              </AdminTable>
            )}
          </>
        )}
      </QueryBoundary>
      <OpenConditions />
    </section>
  );
}

function RuleRow({ rule: r, scoped, label, channels, onEdit, onDelete, deleting }: { rule: AlertRule; scoped: boolean; label: string; channels: AlertChannel[]; onEdit: () => void; onDelete: () => void; deleting: boolean }) {
  const names = r.channelIds.map((id) => channels.find((c) => c.id === id)?.name ?? "(deleted channel)");
  return (
    <tr data-testid="rule-row">
      <td className={`${cellClass} font-medium`}><bdi>{r.name}</bdi>{r.enabled ? null : <span className="ml-1 text-xs text-slate-600">(disabled)</span>}</td>
      <td className={cellClass}>{label}</td>
      <td className={cellClass}>{scopeOf(r, scoped)}</td>
      <td className={cellClass}>{thresholds(r)}</td>
      <td className={cellClass}>{names.length ? names.join(", ") : "none"}</td>
      <td className={`${cellClass} tabular-nums`} data-testid="rule-open">{r.openConditions}</td>
      <td className={cellClass}><MuteControl rule={r} /></td>
      <td className={`${cellClass} whitespace-nowrap`}>
        <span className="inline-flex gap-1">
          <button type="button" onClick={onEdit} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50">Edit</button>
          <ConfirmButton label="Delete" confirmLabel={`Delete ${r.name}`} disabled={deleting} onConfirm={onDelete} />
        </span>
      </td>
    </tr>
  );
}

function MuteControl({ rule }: { rule: AlertRule }) {
  const mute = useMuteRuleMutation();
  const [until, setUntil] = useState("");
  const muted = rule.mutedUntil !== null && new Date(rule.mutedUntil) > new Date();
  return (
    <div className="space-y-1 text-xs">
      {muted ? (
        <p data-testid="mute-state">
          Muted until {rule.mutedUntil!.slice(0, 10)}{" "}
          <button type="button" disabled={mute.isPending} onClick={() => mute.mutate({ id: rule.id, until: null })} className="underline">Unmute</button>
        </p>
      ) : (
        <form className="flex gap-1" onSubmit={(e) => { e.preventDefault(); mute.mutate({ id: rule.id, until }); }}>
          <input type="date" required aria-label={`Mute ${rule.name} until`} value={until} onChange={(e) => setUntil(e.target.value)} className="rounded border border-slate-300 px-1" />
          <button type="submit" disabled={mute.isPending} className="rounded-md border border-slate-300 bg-white px-2 py-0.5 font-medium">Mute</button>
        </form>
      )}
      {mute.error ? <p role="alert" className="text-red-800">{mute.error.message}</p> : null}
    </div>
  );
}

function OpenConditions() {
  const conditions = useAlertConditionsQuery();
  return (
    <QueryBoundary query={conditions} label="Loading open conditions">
      {({ conditions: items }) =>
        items.length === 0 ? null : (
          <div>
            <h3 className="text-sm font-semibold text-slate-900">In alarm now ({items.length})</h3>
            {/* A condition names a key by its alias or id, or a resource by its ARN: one long word that must wrap. */}
            <ul className="mt-1 space-y-0.5 text-sm wrap-anywhere" data-testid="open-conditions">
              {items.map((c) => (
                <li key={`${c.ruleId}|${c.subject}`}>
                  <span className="text-slate-600">{c.ruleName}: </span>
                  {c.url ? <a href={c.url} className="text-sky-800 underline-offset-2 hover:underline">{c.text}</a> : c.text}
                  <span className="text-xs text-slate-600"> since {c.openedAt.slice(0, 16).replace("T", " ")}</span>
                </li>
              ))}
            </ul>
          </div>
        )
      }
    </QueryBoundary>
  );
}
