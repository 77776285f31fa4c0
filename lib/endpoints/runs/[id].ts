// GET /api/runs/[id]: one ingestion run with its units and its warnings grouped per
// account-region, so a person can see which account-region failed or degraded and why (the run
// list only counts warnings).
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { notFound } from "@/lib/domain/errors";
import { pageParams } from "@/lib/api/params";
import type { Db } from "@/lib/db/client";
import { runHeadOf } from "@/lib/endpoints/runs";
import { groupWarningsByCause, type WarningGroup } from "@/lib/queries/kpi/warning-groups";

const runParams = z.strictObject({
  // Checked before the query: a malformed id would otherwise be a uuid cast error (500).
  id: z.uuid("must be a run id (UUID)"),
  // page/pageSize page the raw warning list; the groups always cover the whole run.
  ...pageParams,
});

export interface RunWarning {
  source: string;
  code: string;
  message: string;
  resourceArn: string | null;
}

/** Warnings of one account-region; accountId/region null for run-wide warnings (e.g. costs). */
export interface ScopeWarnings {
  accountId: string | null;
  region: string | null;
  warnings: RunWarning[];
}

export interface RunUnit {
  accountId: string;
  region: string;
  kind: string;
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
  keys: number;
  resources: number;
  error: string | null;
}

export interface RunDetail {
  id: string;
  trigger: string;
  status: string;
  snapshotDay: string;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  warningsTotal: number;
  units: RunUnit[];
  warningsByScope: ScopeWarnings[];
  /** Per account-region × API × cause, with what it means and the fix. */
  warningGroups: WarningGroup[];
  /** The raw warnings, one page of them. */
  warnings: { total: number; page: number; pageSize: number; items: (RunWarning & { accountId: string | null; region: string | null })[] };
}

/** Groups warnings per account-region, in account then region order; run-wide ones last. */
export function groupWarnings(rows: readonly (RunWarning & { accountId: string | null; region: string | null })[]): ScopeWarnings[] {
  const groups = new Map<string, ScopeWarnings>();
  for (const { accountId, region, ...warning } of rows) {
    const id = `${accountId ?? ""}|${region ?? ""}`;
    const group = groups.get(id) ?? { accountId, region, warnings: [] };
    group.warnings.push(warning);
    groups.set(id, group);
  }
  const order = (s: string | null) => (s === null ? "\uffff" : s);
  return [...groups.values()].sort((a, b) => order(a.accountId).localeCompare(order(b.accountId)) || order(a.region).localeCompare(order(b.region)));
}

async function runDetail(db: Db, { id, page, pageSize }: z.output<typeof runParams>): Promise<RunDetail> {
  const run = await db.ingestionRun.findUnique({
    where: { id },
    include: {
      units: { orderBy: [{ accountId: "asc" }, { region: "asc" }, { kind: "asc" }] },
      warnings: { orderBy: { id: "asc" } },
    },
  });
  if (!run) throw notFound(`run ${id}: no such run`);
  const stored = run.warnings.map((w) => ({ accountId: w.accountId, region: w.region, source: w.source, code: w.code, message: w.message, resourceArn: w.resourceArn }));
  return {
    ...runHeadOf(run),
    error: run.error,
    warningsTotal: run.warnings.length,
    units: run.units.map((u) => ({
      accountId: u.accountId,
      region: u.region,
      kind: u.kind,
      status: u.status,
      startedAt: u.startedAt?.toISOString() ?? null,
      finishedAt: u.finishedAt?.toISOString() ?? null,
      keys: u.keysCount,
      resources: u.resourcesCount,
      error: u.error,
    })),
    warningsByScope: groupWarnings(stored),
    warningGroups: groupWarningsByCause(stored),
    warnings: { total: stored.length, page, pageSize, items: stored.slice((page - 1) * pageSize, page * pageSize) },
  };
}

export const runDetailEndpoint = defineEndpoint({
  route: "GET /api/runs/[id]",
  access: "finops",
  params: runParams,
  query: runDetail,
});
