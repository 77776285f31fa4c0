// History storage: the same organization stored as one day of inventory and as 365 days with
// ~1% of resources (and keys) changing per day, through the store's history writer; compares
// pg_total_relation_size (heap + indexes + TOAST) of the version tables after VACUUM.
import { createDb } from "@/lib/db/client";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { storeInventoryHistory } from "@/lib/store/history";
import type { VersionedResource } from "@/lib/store/types";
import { dropNamedDatabase, freshNamedDatabase, withClient, type BenchServer } from "./lib/bench-db";
import { historyOrg } from "./lib/history-org";

const TABLES = ["storage_resource_version", "kms_key_version"] as const;

export interface HistorySize {
  days: number;
  resourceVersions: number;
  keyVersions: number;
  loadSeconds: number;
  tables: Record<(typeof TABLES)[number], { bytes: number; heapBytes: number; indexBytes: number; rows: number }>;
  totalBytes: number;
}

export interface HistoryResult {
  resources: number;
  keys: number;
  changeRate: number;
  oneDay: HistorySize;
  oneYear: HistorySize;
  ratio: number;
}

function* batches(resources: VersionedResource[], size = 20_000): Generator<VersionedResource[]> {
  // An entity's versions stay in one batch (one transaction), as in the demo loader.
  let start = 0;
  while (start < resources.length) {
    let end = Math.min(start + size, resources.length);
    while (end < resources.length && resources[end]!.record.resourceArn === resources[end - 1]!.record.resourceArn) end++;
    yield resources.slice(start, end);
    start = end;
  }
}

async function measure(server: BenchServer, days: number, org: { resources: number; keys: number; changeRate: number }, log: (m: string) => void): Promise<HistorySize> {
  const url = await freshNamedDatabase(server, `history_${days}d`);
  const history = historyOrg({ ...org, days, day0: "2025-01-01" });
  const db = createDb(url, 2);
  const started = performance.now();
  try {
    let first = true;
    for (const batch of batches(history.resources)) {
      await storeInventoryHistory(db, { keys: first ? history.keys : [], resources: batch }, defaultPolicySettings);
      first = false;
    }
  } finally {
    await db.$disconnect();
  }
  const loadSeconds = (performance.now() - started) / 1000;
  const tables = await withClient(url, async (c) => {
    await c.query(`VACUUM ANALYZE ${TABLES.join(", ")}`);
    const out = {} as HistorySize["tables"];
    for (const t of TABLES) {
      const r = await c.query<{ total: string; heap: string; idx: string; n: string }>(
        `SELECT pg_total_relation_size($1)::bigint AS total, pg_relation_size($1)::bigint AS heap, pg_indexes_size($1)::bigint AS idx, (SELECT count(*) FROM ${t}) AS n`,
        [t],
      );
      const row = r.rows[0]!;
      out[t] = { bytes: Number(row.total), heapBytes: Number(row.heap), indexBytes: Number(row.idx), rows: Number(row.n) };
    }
    return out;
  });
  await dropNamedDatabase(server, `history_${days}d`);
  const totalBytes = TABLES.reduce((s, t) => s + tables[t].bytes, 0);
  log(`[history] ${days} day(s): ${history.resources.length} resource versions, ${history.keys.length} key versions, ${(totalBytes / 2 ** 20).toFixed(1)} MiB (loaded in ${loadSeconds.toFixed(1)} s)`);
  return { days, resourceVersions: history.resources.length, keyVersions: history.keys.length, loadSeconds, tables, totalBytes };
}

export async function benchHistory(server: BenchServer, opts: { tiny: boolean; log: (m: string) => void }): Promise<HistoryResult> {
  const org = opts.tiny ? { resources: 2_000, keys: 40, changeRate: 0.01 } : { resources: 100_000, keys: 2_000, changeRate: 0.01 };
  const oneDay = await measure(server, 1, org, opts.log);
  const oneYear = await measure(server, 365, org, opts.log);
  return { ...org, oneDay, oneYear, ratio: oneYear.totalBytes / oneDay.totalBytes };
}
