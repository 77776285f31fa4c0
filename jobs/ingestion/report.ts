// What the CLI shows: a one-line progress of a run's units and the closing summary. Pure
// functions over the stored run, so the figures are the ones the UI reads too.

export interface UnitCounts {
  total: number;
  succeeded: number;
  partial: number;
  failed: number;
  running: number;
}

export interface RunSummaryInput {
  runId: string;
  status: string;
  startedAt: Date | null;
  finishedAt: Date | null;
  units: Array<{ status: string; kind: string; keysCount: number; resourcesCount: number; apiRequests: unknown }>;
  warnings: Array<{ accountId: string | null; region: string | null; code: string; message: string }>;
  kmsRequests: number;
  costExplorerRequests: number;
  otherRequests: number;
  error: string | null;
}

/** Cost Explorer bills every API request (DOMAIN.md §2). */
export const CE_REQUEST_PRICE_USD = 0.01;
/** KMS management calls are billed as KMS-Requests (symmetric price, before the free tier). */
export const KMS_REQUEST_PRICE_USD = 0.03 / 10_000;

export function countUnits(units: ReadonlyArray<{ status: string }>): UnitCounts {
  const count = (s: string) => units.filter((u) => u.status === s).length;
  return { total: units.length, succeeded: count("SUCCEEDED"), partial: count("PARTIAL"), failed: count("FAILED"), running: count("RUNNING") };
}

export function progressLine(c: UnitCounts, elapsedMs: number): string {
  const done = c.succeeded + c.partial + c.failed;
  const width = 20;
  const filled = c.total ? Math.round((done / c.total) * width) : 0;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${c.total} units (${c.succeeded} ok, ${c.partial} partial, ${c.failed} failed, ${c.running} running) ${(elapsedMs / 1000).toFixed(0)}s`;
}

const usd = (n: number) => `$${n.toFixed(n < 1 ? 4 : 2)}`;

export function formatSummary(run: RunSummaryInput, maxWarnings = 20): string {
  const c = countUnits(run.units);
  const seconds = run.startedAt && run.finishedAt ? (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000 : null;
  const keys = run.units.reduce((n, u) => n + u.keysCount, 0);
  const resources = run.units.reduce((n, u) => n + u.resourcesCount, 0);
  const lines = [
    `Run ${run.runId}: ${run.status}${seconds !== null ? ` in ${seconds.toFixed(1)}s` : ""}`,
    `  units      ${c.total} total: ${c.succeeded} succeeded, ${c.partial} partial, ${c.failed} failed`,
    `  inventory  ${keys} keys, ${resources} storage resources`,
    `  requests   KMS ${run.kmsRequests} (billed, ~${usd(run.kmsRequests * KMS_REQUEST_PRICE_USD)} before free tier)` +
      ` · Cost Explorer ${run.costExplorerRequests} (${usd(run.costExplorerRequests * CE_REQUEST_PRICE_USD)} at $0.01 each)` +
      ` · other ${run.otherRequests}`,
  ];
  if (run.error) lines.push(`  error      ${run.error}`);
  lines.push(`  warnings   ${run.warnings.length}`);
  for (const w of run.warnings.slice(0, maxWarnings)) {
    lines.push(`    - ${[w.accountId, w.region].filter(Boolean).join("/") || "organization"} ${w.code}: ${w.message}`);
  }
  if (run.warnings.length > maxWarnings) lines.push(`    … ${run.warnings.length - maxWarnings} more (ingestion_warning, run ${run.runId})`);
  return lines.join("\n");
}
