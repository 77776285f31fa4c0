// Issue 18 target 5: ingestion across an organization. 200 accounts × 4 regions behind the local
// AWS endpoint (tests/aws-endpoint/) enforcing the per account-region quotas, ingested by two
// worker processes (jobs/worker.ts) the way the daily schedule runs it: an ingest.run job queues
// one unit per account-region. One account-region is large and sets the quota floor (its
// GetKeyLastUsage calls at 5 requests/s); the others are small. The wall time of the run
// against that floor, the throttled calls, and the run summary's request counts against the
// endpoint's. Two runs: the first on an empty database (nothing known about the units' sizes),
// then the daily one, which starts the units that took longest last time first (schedule.ts).
import pg from "pg";
import PgBoss from "pg-boss";
import { INGEST_RUN_JOB, runJobOptions } from "@/lib/ingestion/queue-names";
import { startAwsEndpoint, type AwsEndpoint } from "@/tests/aws-endpoint/server";
import type { OrgFixture } from "@/tests/aws-endpoint/fixture";
import { dropNamedDatabase, freshNamedDatabase, type BenchServer } from "./lib/bench-db";
import { benchRegion, quotaFloor, type ApiBound } from "./lib/large-org";
import { startWorker, type WorkerProcess } from "./lib/worker-process";

export const ORG_REGIONS = ["ap-southeast-2", "eu-central-1", "eu-west-1", "us-east-1"];

export interface OrgSize {
  accounts: number;
  large: { keys: number; resources: number };
  small: { keys: number; resources: number };
}

export interface OrgRun {
  label: string;
  status: string;
  /** ingest.run picked up → every unit stored (ingestion_run.started_at → finished_at). */
  wallSeconds: number;
  /** ...→ the rollups of the run committed (the dashboard shows the new snapshot). */
  toRollupsSeconds: number;
  ratio: number;
  ratioToRollups: number;
  /** When the largest account-region's unit started, after the run started, and how long it took. */
  largest: { startedAfterSeconds: number; seconds: number };
  units: { total: number; succeeded: number };
  throttled: number;
  throttledByApi: Record<string, number>;
  failed: number;
  requests: { summary: number; endpoint: number; mismatched: Array<{ api: string; summary: number; endpoint: number }> };
}

export interface OrgIngestionResult {
  size: OrgSize;
  regions: string[];
  workers: number;
  unitConcurrency: number;
  quotaShare: number;
  floor: ApiBound;
  runs: OrgRun[];
}

const accountId = (i: number) => String(100_000_000_000 + i);

/** The organization: account i's regions are small, except the last account's last region. */
export function orgFixture(size: OrgSize): OrgFixture {
  const last = ORG_REGIONS.at(-1)!;
  const accounts = Array.from({ length: size.accounts }, (_, i) => {
    const id = accountId(i);
    const large = i === size.accounts - 1;
    const regions = Object.fromEntries(
      ORG_REGIONS.map((r) => {
        const s = large && r === last ? size.large : size.small;
        return [r, benchRegion(s.keys, s.resources, `${id}-${r}-`)];
      }),
    );
    return { id, name: `account-${i}`, ou: "Workloads", regions };
  });
  return { managementAccountId: accountId(0), regions: ORG_REGIONS, accounts, costs: [], keyRequests: "unavailable" };
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const diff = (now: Map<string, number>, before: Map<string, number>) => new Map([...now].map(([k, v]) => [k, v - (before.get(k) ?? 0)] as [string, number]).filter(([, v]) => v > 0));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measureRun(label: string, pool: pg.Pool, boss: PgBoss, endpoint: AwsEndpoint, floor: ApiBound, largest: { accountId: string; region: string }, log: (m: string) => void): Promise<OrgRun> {
  const before = { requests: new Map(endpoint.stats.requests), throttled: new Map(endpoint.stats.throttled), errors: new Map(endpoint.stats.errors) };
  const latest = async () =>
    (await pool.query<{ id: string; status: string; started_at: Date; finished_at: Date | null; rollups: string | null }>(
      `SELECT id::text, status::text, started_at, finished_at, scope->>'rollups' AS rollups FROM ingestion_run ORDER BY started_at DESC LIMIT 1`,
    )).rows[0];
  const previousId = (await latest())?.id;
  await boss.send(INGEST_RUN_JOB, { trigger: "CLI" }, runJobOptions);
  let run: Awaited<ReturnType<typeof latest>>;
  let rollupsAt = 0;
  for (let polls = 0; ; polls++) {
    await sleep(250);
    run = await latest();
    if (!run || run.id === previousId) continue;
    if (run.rollups && run.rollups !== "running") {
      rollupsAt = Date.now();
      break;
    }
    if (polls % 40 === 0) {
      const units = await pool.query<{ done: number; total: number }>(`SELECT count(*) FILTER (WHERE finished_at IS NOT NULL)::int AS done, count(*)::int AS total FROM ingestion_unit WHERE run_id = $1::uuid`, [run.id]);
      log(`[org ${label}] ${units.rows[0]!.done}/${units.rows[0]!.total} units after ${((Date.now() - run.started_at.getTime()) / 1000).toFixed(0)} s`);
    }
  }
  const r = run!;
  const summary = await pool.query<{ kms: number; ce: number; other: number }>(`SELECT kms_requests AS kms, cost_explorer_requests AS ce, other_requests AS other FROM ingestion_run WHERE id = $1::uuid`, [r.id]);
  const perApi = await pool.query<{ api: string; n: number }>(
    `SELECT api, sum(n)::int AS n FROM (
       SELECT e.key AS api, e.value::int AS n FROM ingestion_unit u, jsonb_each_text(u.api_requests) e WHERE u.run_id = $1::uuid
       UNION ALL
       SELECT e.key, e.value::int FROM ingestion_run r, jsonb_each_text(coalesce(r.scope->'startRequests', '{}')) e WHERE r.id = $1::uuid
     ) x GROUP BY api`,
    [r.id],
  );
  const units = await pool.query<{ account_id: string; region: string; status: string; started_at: Date; finished_at: Date }>(`SELECT account_id, region, status::text, started_at, finished_at FROM ingestion_unit WHERE run_id = $1::uuid`, [r.id]);
  const big = units.rows.find((u) => u.account_id === largest.accountId && u.region === largest.region)!;
  const endpointRequests = diff(endpoint.stats.requests, before.requests);
  const counted = new Map(perApi.rows.map((row) => [row.api, row.n]));
  const apis = new Set([...endpointRequests.keys(), ...counted.keys()]);
  const mismatched = [...apis].map((api) => ({ api, summary: counted.get(api) ?? 0, endpoint: endpointRequests.get(api) ?? 0 })).filter((m) => m.summary !== m.endpoint);
  const s = summary.rows[0]!;
  const wallSeconds = (r.finished_at!.getTime() - r.started_at.getTime()) / 1000;
  const toRollupsSeconds = (rollupsAt - r.started_at.getTime()) / 1000;
  const result: OrgRun = {
    label,
    status: r.status,
    wallSeconds,
    toRollupsSeconds,
    ratio: wallSeconds / floor.seconds,
    ratioToRollups: toRollupsSeconds / floor.seconds,
    largest: { startedAfterSeconds: (big.started_at.getTime() - r.started_at.getTime()) / 1000, seconds: (big.finished_at.getTime() - big.started_at.getTime()) / 1000 },
    units: { total: units.rows.length, succeeded: units.rows.filter((u) => u.status === "SUCCEEDED").length },
    throttled: sum(diff(endpoint.stats.throttled, before.throttled)),
    throttledByApi: Object.fromEntries(diff(endpoint.stats.throttled, before.throttled)),
    failed: sum(diff(endpoint.stats.errors, before.errors)),
    requests: { summary: s.kms + s.ce + s.other, endpoint: sum(endpointRequests), mismatched },
  };
  log(
    `[org ${label}] ${r.status} in ${wallSeconds.toFixed(1)} s (rollups at ${toRollupsSeconds.toFixed(1)} s) against a floor of ${floor.seconds.toFixed(0)} s: ${result.ratio.toFixed(3)}×; ` +
      `largest unit started after ${result.largest.startedAfterSeconds.toFixed(1)} s, took ${result.largest.seconds.toFixed(1)} s; ` +
      `throttled ${result.throttled} ${JSON.stringify(result.throttledByApi)}, failed ${result.failed}; requests: summary ${result.requests.summary}, endpoint ${result.requests.endpoint}${mismatched.length ? ` MISMATCH ${JSON.stringify(mismatched)}` : ""}`,
  );
  return result;
}

export async function benchOrgIngestion(server: BenchServer, opts: { size: OrgSize; workers: number; unitConcurrency: number; quotaShare: number; log: (m: string) => void }): Promise<OrgIngestionResult> {
  const { size, log } = opts;
  const org = orgFixture(size);
  const largest = { accountId: accountId(size.accounts - 1), region: ORG_REGIONS.at(-1)! };
  const floor = quotaFloor(size.large.keys, size.large.resources).binding;
  const url = await freshNamedDatabase(server, "org");
  const endpoint = await startAwsEndpoint(org, { quotas: true });
  const env = {
    DATABASE_URL: url,
    AWS_ENDPOINT_URL: endpoint.url,
    AWS_ACCESS_KEY_ID: "AKIABENCHORG",
    AWS_SECRET_ACCESS_KEY: "bench-secret",
    AWS_REGION: "us-east-1",
    AWS_CONFIG_FILE: "/nonexistent",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent",
    AWS_EC2_METADATA_DISABLED: "true",
    INGEST_ACCOUNTS: org.accounts.map((a) => a.id).join(","),
    INGEST_REGIONS: ORG_REGIONS.join(","),
    INGEST_ROLE_NAME: "KmsFinOpsReadOnly",
    INGEST_QUOTA_SHARE: String(opts.quotaShare),
    INGEST_UNIT_CONCURRENCY: String(opts.unitConcurrency),
  };
  const workers: WorkerProcess[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const boss = new PgBoss({ connectionString: url, max: 2, supervise: false, schedule: false });
  boss.on("error", (error) => log(`[org] queue error ${String(error)}`));
  try {
    // One after the other: the first migrates and creates the queues.
    for (let i = 0; i < opts.workers; i++) workers.push(await startWorker(env, `org worker ${i + 1}`, log));
    await boss.start();
    log(`[org] ${size.accounts} accounts × ${ORG_REGIONS.length} regions, largest ${largest.accountId}/${largest.region}: ${size.large.keys} keys, ${size.large.resources} resources; floor ${floor.api} ${floor.calls} / ${floor.rps} rps = ${floor.seconds.toFixed(0)} s`);
    const runs = [
      await measureRun("first run", pool, boss, endpoint, floor, largest, log),
      await measureRun("daily run", pool, boss, endpoint, floor, largest, log),
    ];
    return { size, regions: ORG_REGIONS, workers: opts.workers, unitConcurrency: opts.unitConcurrency, quotaShare: opts.quotaShare, floor, runs };
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    for (const w of workers) await w.stop();
    await pool.end();
    await endpoint.close();
    await dropNamedDatabase(server, "org");
  }
}
