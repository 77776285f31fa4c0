"use client";

import { useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { apiGet, apiUrl } from "@/components/hooks/queries/api-client";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { auditEndpoint } from "@/lib/endpoints/admin/audit";
import { EmptyState, ErrorState, LoadingState } from "@/components/tables/states";
import { AUDIT_ACTIONS } from "@/lib/auth/audit-actions";
import { AdminTable, cellClass } from "./admin-frame";
import { changeLines } from "./audit-change";

type Page = ResponseOf<typeof auditEndpoint>;
type Entry = Page["items"][number];
type Filter = { action: string; actor: string; from: string; to: string };
const NO_FILTER: Filter = { action: "", actor: "", from: "", to: "" };
const PAGE_SIZE = 100;

/**
 * The audit log, newest first: a filter form, "Load more" (keyset pages: an infinite query, not
 * useEndpoint, typed by the module all the same) and the CSV of the same filter.
 */
export function AuditView() {
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const query = useInfiniteQuery({
    queryKey: ["/api/admin/audit", filter],
    queryFn: ({ pageParam, signal }) => apiGet<Page>("/api/admin/audit", { ...filter, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const field = (name: keyof Filter, label: string, type = "text") => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`audit-${name}`} className="text-sm font-medium">{label}</label>
      <input id={`audit-${name}`} type={type} value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
    </div>
  );
  const entries = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-4">
      <form className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" onSubmit={(e) => { e.preventDefault(); setFilter(draft); }}>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-action" className="text-sm font-medium">Action</label>
          <select id="audit-action" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            <option value="">all</option>
            {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </div>
        {field("actor", "Actor (name or id)")}
        {field("from", "From (UTC day)", "date")}
        {field("to", "To (UTC day)", "date")}
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">Apply</button>
        <a href={apiUrl("/api/export/audit", filter)} download className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50">Download CSV</a>
      </form>
      {query.isPending ? <LoadingState label="Loading the audit log" /> : query.error && entries.length === 0 ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : entries.length === 0 ? (
        <EmptyState title="No audit entry matches">Changes, runs, tokens and failed sign-ins appear here.</EmptyState>
      ) : (
        <AuditTable entries={entries} />
      )}
      {query.hasNextPage ? (
        <button type="button" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60">
          {query.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      ) : null}
    </div>
  );
}

function AuditTable({ entries }: { entries: Entry[] }) {
  return (
    <AdminTable caption="Audit log" headers={["When (UTC)", "Actor", "Action", "Target", "Change"]} testId="audit-table">
      {entries.map((e) => (
        <tr key={e.id}>
          <td className={`whitespace-nowrap ${cellClass}`}><time dateTime={e.at}>{e.at.slice(0, 19).replace("T", " ")}</time></td>
          <td className={cellClass}><bdi>{e.actorName}</bdi><span className="block text-xs text-slate-600">{e.actorKind}</span></td>
          <td className={`font-mono ${cellClass}`}>{e.action}</td>
          <td className={cellClass}><bdi>{e.target ?? "—"}</bdi></td>
          <td className={cellClass}><Change before={e.before} after={e.after} /></td>
        </tr>
      ))}
    </AdminTable>
  );
}

function Change({ before, after }: { before: unknown; after: unknown }) {
  const lines = changeLines(before, after);
  if (lines.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <ul className="space-y-0.5 font-mono text-xs">
      {lines.map((l) => (
        <li key={l.field}>
          {l.field ? <span className="text-slate-700">{l.field}: </span> : null}
          {l.before !== null ? <del className="text-red-800">{l.before}</del> : null}
          {l.before !== null && l.after !== null ? " → " : null}
          {l.after !== null ? <ins className="text-emerald-800 no-underline">{l.after}</ins> : null}
        </li>
      ))}
    </ul>
  );
}
