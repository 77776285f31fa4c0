"use client";

import { useState } from "react";
import { useRunQuery } from "@/components/hooks/queries/endpoints";
import { num, str, type Row } from "@/components/hooks/queries/types";
import { EmptyState, QueryBoundary } from "@/components/tables/states";

/** The run whose warnings are shown first: the newest with warnings, else the newest. */
export function defaultRunId(runs: readonly Row[]): string {
  const withWarnings = runs.find((r) => (num(r.warnings) ?? 0) > 0);
  return str((withWarnings ?? runs[0])?.id);
}

/** "111111111111 · us-east-1"; warnings not tied to one account-region say so. */
export function scopeLabel(accountId: unknown, region: unknown): string {
  if (!accountId && !region) return "Whole run (not tied to one account-region)";
  return [str(accountId) || "any account", str(region) || "any region"].join(" · ");
}

/** The warnings of one run, one block per account-region; a run can be picked from the list. */
export function RunWarnings({ runs }: { runs: Row[] }) {
  const [picked, setPicked] = useState<string | null>(null);
  const id = picked ?? defaultRunId(runs);
  const detail = useRunQuery(id);
  if (runs.length === 0) return null;
  return (
    <section aria-labelledby="run-warnings-heading" className="space-y-3" data-testid="run-warnings">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="run-warnings-heading" className="text-lg font-semibold">Warnings per account-region</h2>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          Run
          <select value={id} onChange={(e) => setPicked(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm" data-testid="run-warnings-select">
            {runs.map((r) => (
              <option key={str(r.id)} value={str(r.id)}>
                {`${str(r.requestedAt).slice(0, 16).replace("T", " ")} · ${str(r.status)} · ${num(r.warnings) ?? 0} warnings`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryBoundary query={detail} label="Loading the run's warnings">
        {(data) => {
          const groups = ((data as Row).warningsByScope as Row[] | undefined) ?? [];
          if (groups.length === 0) return <EmptyState title="No warnings in this run" />;
          return (
            <div className="space-y-4">
              {groups.map((g) => (
                <ScopeBlock key={`${str(g.accountId)}|${str(g.region)}`} group={g} />
              ))}
            </div>
          );
        }}
      </QueryBoundary>
    </section>
  );
}

function ScopeBlock({ group }: { group: Row }) {
  const warnings = (group.warnings as Row[] | undefined) ?? [];
  const label = scopeLabel(group.accountId, group.region);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="run-warning-scope">
      <h3 className="text-sm font-semibold text-slate-900">
        {label} <span className="font-normal text-slate-600">({warnings.length} {warnings.length === 1 ? "warning" : "warnings"})</span>
      </h3>
      <table className="mt-2 w-full text-left text-sm">
        <caption className="sr-only">Warnings for {label}</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3">Code</th>
            <th scope="col" className="py-1 pr-3">Source</th>
            <th scope="col" className="py-1 pr-3">Message</th>
            <th scope="col" className="py-1">Resource</th>
          </tr>
        </thead>
        <tbody>
          {warnings.map((w, i) => (
            <tr key={i} className="border-t border-slate-100 align-top">
              <td className="py-1 pr-3 font-mono text-xs">{str(w.code)}</td>
              <td className="py-1 pr-3">{str(w.source)}</td>
              <td className="py-1 pr-3">{str(w.message)}</td>
              <td className="py-1 break-all font-mono text-xs">{str(w.resourceArn) || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
