"use client";

import { useState } from "react";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { runDetailEndpoint } from "@/lib/endpoints/runs/[id]";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { EmptyState, QueryBoundary } from "@/components/tables/states";
import { runTimeLabel } from "./run-time";
import type { RunRow } from "./runs-view";
import type { GlobalFilters } from "@/components/filters/filter-params";
import { inScope } from "./run-filters";

type WarningGroup = ResponseOf<typeof runDetailEndpoint>["warningGroups"][number];

/** The run whose warnings are shown first: the newest with warnings, else the newest. */
export function defaultRunId(runs: readonly RunRow[]): string {
  return (runs.find((r) => r.warnings > 0) ?? runs[0])?.id ?? "";
}

/** "111111111111 · us-east-1"; warnings not tied to one account-region say so. */
export function scopeLabel(accountId: string | null, region: string | null): string {
  if (!accountId && !region) return "Whole run (not tied to one account-region)";
  return [accountId || "any account", region || "any region"].join(" · ");
}

/** The warnings of one run, grouped per account-region × API × cause; a run can be picked from the list. */
export function RunWarnings({ runs, filters = {} }: { runs: RunRow[]; filters?: Pick<GlobalFilters, "account" | "region"> }) {
  const [picked, setPicked] = useState<string | null>(null);
  const id = picked ?? defaultRunId(runs);
  const detail = useEndpoint<typeof runDetailEndpoint>("/api/runs/[id]", {}, { segments: { id }, enabled: id !== "" });
  if (runs.length === 0) return null;
  return (
    <section aria-labelledby="run-warnings-heading" className="space-y-3" data-testid="run-warnings">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="run-warnings-heading" className="text-lg font-semibold">Warnings per account-region and cause</h2>
        {/* A select is as wide as its longest option ("2026-12-05 14:03 UTC, 2 min 14 s · PARTIAL ·
            12 warnings"): it may shrink to the window, or /runs is wider than a phone. */}
        <label className="flex min-w-0 max-w-full items-center gap-2 text-sm text-slate-700">
          Run
          <select value={id} onChange={(e) => setPicked(e.target.value)} className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm" data-testid="run-warnings-select">
            {runs.map((r) => (
              <option key={r.id} value={r.id}>
                {`${runTimeLabel(r)} · ${r.status} · ${r.warnings} warnings`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryBoundary query={detail} label="Loading the run's warnings">
        {(data) => {
          const groups = data.warningGroups.filter((g) => inScope(g, filters));
          if (groups.length === 0) return <EmptyState title={filters.account || filters.region ? "No warnings of this account-region in this run" : "No warnings in this run"} />;
          return (
            <ul className="space-y-3">
              {groups.map((g, i) => (
                <WarningGroupItem key={i} group={g} />
              ))}
            </ul>
          );
        }}
      </QueryBoundary>
    </section>
  );
}

const CAUSE_LABEL: Record<string, string> = {
  "api-missing": "API not offered by the endpoint",
  "access-denied": "Access denied",
  throttled: "Throttled",
  "role-not-assumable": "Role cannot be assumed",
  other: "Other",
};

/** One account-region × API × cause: what it means and the fix; resources and raw messages behind a disclosure. */
function WarningGroupItem({ group }: { group: WarningGroup }) {
  const { resources, messages, count } = group;
  const more = group.resourcesTotal - resources.length;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="run-warning-group">
      <p className="text-xs text-slate-600">
        {scopeLabel(group.accountId, group.region)} · {group.api || "no API"} · {CAUSE_LABEL[group.cause] ?? group.cause}
      </p>
      <p className="mt-1 text-sm font-semibold text-slate-900">
        <span className="mr-2 rounded bg-amber-100 px-1.5 py-0.5 text-amber-900" data-testid="run-warning-count">
          {count} ×
        </span>
        {group.meaning}
      </p>
      <p className="mt-1 text-sm text-slate-700">
        Fix: {group.fix}
        {group.docs ? (
          <>
            {" "}
            See <code className="break-all rounded bg-slate-100 px-1 font-mono text-xs">{group.docs}</code>.
          </>
        ) : null}
      </p>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-700">
          {resources.length > 0 ? `${resources.length + more} ${resources.length + more === 1 ? "resource" : "resources"} and the raw message` : "Raw message"}
        </summary>
        {resources.length > 0 ? (
          <ul className="mt-2 space-y-0.5 break-all font-mono text-xs" aria-label="Resources">
            {resources.map((arn) => (
              <li key={arn}>{arn}</li>
            ))}
            {more > 0 ? <li>… and {more} more</li> : null}
          </ul>
        ) : null}
        <p className="mt-2 text-xs text-slate-500">Codes: {group.codes.join(", ")}</p>
        {messages.map((m) => (
          <pre key={m} className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">
            {m}
          </pre>
        ))}
      </details>
    </li>
  );
}
