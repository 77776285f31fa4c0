"use client";

import { useState } from "react";
import type { freshnessEndpoint } from "@/lib/endpoints/freshness";
import { useRunsQuery } from "@/components/hooks/queries/endpoints";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { useStartRunMutation } from "@/components/hooks/queries/mutations";
import { ApiError } from "@/components/hooks/queries/api-client";
import { num, rowsOf, type Row } from "@/components/hooks/queries/types";
import { ApiTable } from "@/components/tables/api-table";
import { countCol, dayCol, textCol } from "@/components/tables/columns";
import { RunWarnings } from "./run-warnings";
import { knownScope, RunScopePicker, scopeBody, type RunScope } from "./run-scope";
import { runTimeLabel, runTimes } from "./run-time";

const runColumns = [
  { ...textCol("when", "Started (UTC), duration"), value: (r: Row) => runTimeLabel(runTimes(r)) },
  dayCol("day", "Snapshot day", "snapshotDay"),
  textCol("trigger", "Trigger"),
  textCol("status", "Status"),
  countCol("units", "Account-regions", "unitsTotal"),
  { ...countCol("kms", "KMS API calls"), value: (r: Row) => num((r.requests as Row | undefined)?.kms), cell: (r: Row) => String(num((r.requests as Row | undefined)?.kms) ?? "—") },
  { ...countCol("ce", "Cost Explorer calls"), value: (r: Row) => num((r.requests as Row | undefined)?.costExplorer), cell: (r: Row) => String(num((r.requests as Row | undefined)?.costExplorer) ?? "—") },
  countCol("warnings", "Warnings", "warnings"),
  textCol("error", "Error"),
  textCol("id", "Run id", "id", "runId"),
];
const freshnessColumns = [textCol("account", "Account", "accountId"), textCol("region", "Region"), textCol("source", "Source"), dayCol("day", "Last good day", "lastGoodDay"), { ...textCol("lagging", "Status"), value: (r: Row) => (r.lagging ? "lagging" : "current") }];

export function RunsView() {
  const runs = useRunsQuery({ pageSize: 100 });
  const freshness = useEndpoint<typeof freshnessEndpoint>("/api/freshness");
  const start = useStartRunMutation();
  const [scope, setScope] = useState<RunScope>({ accounts: [], regions: [] });
  const noPost = start.error instanceof ApiError && (start.error.status === 405 || start.error.status === 404);
  return (
    <div className="space-y-6">
      <section className="flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        {freshness.data ? <RunScopePicker known={knownScope(rowsOf(freshness.data))} picked={scope} onChange={setScope} /> : null}
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
      <ApiTable query={runs} title="Ingestion runs" columns={runColumns} testId="runs-table" rowKey={["id", "runId"]} emptyMessage="No run yet: start one above." />
      {runs.data ? <RunWarnings runs={rowsOf(runs.data)} /> : null}
      <h2 className="text-lg font-semibold">Data freshness per account-region</h2>
      <ApiTable query={freshness} title="Data freshness" columns={freshnessColumns} testId="freshness-table" rowKey={["accountId", "region", "source"]} />
    </div>
  );
}
