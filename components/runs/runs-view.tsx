"use client";

import { useState } from "react";
import type { freshnessEndpoint } from "@/lib/endpoints/freshness";
import type { getRunsEndpoint } from "@/lib/endpoints/runs";
import type { ResponseOf } from "@/lib/api/endpoint";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { useStartRunMutation } from "@/components/hooks/queries/mutations";
import { ApiError } from "@/components/hooks/queries/api-client";
import { formatInteger } from "@/lib/domain/format";
import { ApiTable } from "@/components/tables/api-table";
import { DataTable } from "@/components/tables/data-table";
import { QueryBoundary } from "@/components/tables/states";
import { dayColumn, textColumn } from "@/components/tables/columns";
import type { Column } from "@/components/tables/table-model";
import { RunWarnings } from "./run-warnings";
import { SourceSpans } from "./source-spans";
import { knownScope, RunScopePicker, scopeBody, type RunScope } from "./run-scope";
import { runTimeLabel } from "./run-time";
import { FilterBar } from "@/components/filters/filter-bar";
import { filtersToApiParams, type FilterName } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { inScope } from "./run-filters";

/**
 * The filter bar's part that means something here (issue 19): the range picks runs by snapshot
 * day; account and region narrow the per-account-region tables (freshness, warnings). A run spans
 * many account-regions and a source's span is the organization's: those stay whole, and say so.
 */
const FILTERS: readonly FilterName[] = ["from", "to", "account", "region"];

export type RunRow = ResponseOf<typeof getRunsEndpoint>["items"][number];

const countColumn = (id: string, header: string, read: (r: RunRow) => number, format: (n: number) => string = formatInteger): Column<RunRow> => ({
  id,
  header,
  value: read,
  cell: (r) => format(read(r)),
  align: "right",
  searchable: false,
});

const runColumns: Column<RunRow>[] = [
  { id: "when", header: "Started (UTC), duration", value: runTimeLabel },
  { id: "day", header: "Snapshot day", value: (r) => r.snapshotDay, searchable: false },
  { id: "trigger", header: "Trigger", value: (r) => r.trigger },
  { id: "status", header: "Status", value: (r) => r.status },
  countColumn("units", "Account-regions", (r) => r.unitsTotal),
  countColumn("kms", "KMS API calls", (r) => r.requests.kms, String),
  countColumn("ce", "Cost Explorer calls", (r) => r.requests.costExplorer, String),
  countColumn("warnings", "Warnings", (r) => r.warnings),
  { id: "error", header: "Error", value: (r) => r.error ?? "" },
  { id: "id", header: "Run id", value: (r) => r.id },
];
type ScopeRow = ResponseOf<typeof freshnessEndpoint>["scopes"][number];

const freshnessColumns: Column<ScopeRow>[] = [
  textColumn("account", "Account", (r) => r.accountId),
  textColumn("region", "Region", (r) => r.region),
  textColumn("source", "Source", (r) => r.source),
  dayColumn("day", "Last good fetch", (r) => r.lastGoodDay),
  textColumn("through", "Data through", (r) => r.dataThrough ?? "no data"),
  textColumn("lagging", "Status", (r) => r.status),
];

export function RunsView() {
  const { filters } = useFilters();
  const runs = useEndpoint<typeof getRunsEndpoint>("/api/runs", { ...filtersToApiParams(filters, ["from", "to"]), pageSize: 100 });
  const narrowed = Boolean(filters.account || filters.region);
  const freshness = useEndpoint<typeof freshnessEndpoint>("/api/freshness");
  const start = useStartRunMutation();
  const [scope, setScope] = useState<RunScope>({ accounts: [], regions: [] });
  const noPost = start.error instanceof ApiError && (start.error.status === 405 || start.error.status === 404);
  return (
    <div className="space-y-6">
      <FilterBar only={FILTERS} />
      <section className="flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        {freshness.data ? <RunScopePicker known={knownScope(freshness.data.scopes)} picked={scope} onChange={setScope} /> : null}
        <button type="button" disabled={start.isPending} onClick={() => start.mutate(scopeBody(scope))} className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
          {start.isPending ? "Starting…" : "Start a run"}
        </button>
        <p className="text-sm text-slate-600">
          Or from a shell: <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono">npm run ingest</code>
        </p>
        {start.isSuccess ? <p role="status" className="text-sm text-emerald-800">Run queued: it appears below when the worker picks it up.</p> : null}
        {start.error ? (
          <p role="alert" className="text-sm text-red-800">
            {noPost ? "This server cannot start runs from the browser: use npm run ingest." : (start.error as Error).message}
          </p>
        ) : null}
      </section>
      <h2 className="text-lg font-semibold">Ingestion runs</h2>
      <QueryBoundary query={runs} label="Loading ingestion runs">
        {(data) => <DataTable title="Ingestion runs" rows={data.items} columns={runColumns} testId="runs-table" rowKey={(r) => r.id} emptyMessage={filters.from || filters.to ? "No run with a snapshot day in this range." : "No run yet: start one above."} />}
      </QueryBoundary>
      {narrowed ? (
        <p className="text-sm text-amber-800" data-testid="runs-filter-note">
          Runs and the per-source spans are not filtered by account or region: a run covers many account-regions, and a source&apos;s span is the organization&apos;s. The warnings and the freshness table below are.
        </p>
      ) : null}
      {runs.data ? <RunWarnings runs={runs.data.items} filters={filters} /> : null}
      <SourceSpans query={freshness} />
      <h2 className="text-lg font-semibold">Data freshness per account-region</h2>
      <ApiTable query={freshness} select={(data) => data.scopes.filter((s) => inScope(s, filters))} title="Data freshness" columns={freshnessColumns} testId="freshness-table" rowKey={["accountId", "region", "source"]} />
    </div>
  );
}
