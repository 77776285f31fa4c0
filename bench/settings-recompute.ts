// Issue 18 target 4: a business-unit tag key change at scale. PUT /api/settings (in-process, as
// the overview benchmark calls routes) saves the new key and queues rollups.recompute; a worker
// process (jobs/worker.ts) runs it, rewriting every version's business unit and every rollup in
// one transaction. Meanwhile /api/overview is asked at a steady pace, as before the save: its p95
// while the recompute runs against its p95 idle (same run, same pace), and whether every answer
// given meanwhile is the one given before (the previous figures, not a half-done mix).
import pg from "pg";
import { copyDatasetDatabase, type BenchServer, type DatasetName } from "./lib/bench-db";
import { processCpuMs } from "./lib/cpu";
import { callRoute, pointAppAt, releaseAppDatabase } from "./lib/inprocess";
import { summarize, type Summary } from "./lib/stats";
import { startWorker } from "./lib/worker-process";

process.env.AUTH_MODE ??= "none";

export interface SettingsRecomputeResult {
  dataset: string;
  tagKey: { from: string; to: string };
  historyRows: { resourceVersions: number; keyVersions: number };
  /** The job's transaction, from settings_recompute.started_at to finished_at. */
  recomputeSeconds: number;
  /** From the save's answer to the recompute's commit (includes the queue's pick-up). */
  saveToDoneSeconds: number;
  steps: Array<{ step: string; ms: number }>;
  /**
   * CPU seconds the recompute used: its Postgres backend (the copy's longest open transaction
   * while it ran) and the worker process. On a shared machine the wall time is mostly waiting
   * for a core; this is what it costs. null where /proc could not be read.
   */
  cpuSeconds: { postgres: number | null; worker: number | null };
  /** Pause between two overview requests in both phases. */
  intervalMs: number;
  idle: Summary;
  during: Summary;
  /** The first request after the save (the save moves the data generation: computed once). */
  firstAfterSaveMs: number;
  /** Every answer while the recompute ran equals the one before the save. */
  duringSameAsBefore: boolean;
  /** The answer once the recompute committed differs (the business units are the new key's). */
  changedAfter: boolean;
  businessUnits: { before: string[]; after: string[] };
}

interface OverviewBody {
  tiles: { coverageByBusinessUnit: Array<{ businessUnit: string }> };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchSettingsRecompute(
  server: BenchServer,
  dataset: DatasetName,
  opts: { idleRuns: number; intervalMs: number; log: (m: string) => void },
): Promise<SettingsRecomputeResult> {
  const { log } = opts;
  const started = performance.now();
  const copy = await copyDatasetDatabase(server, dataset, "settings");
  log(`[settings ${dataset}] copied the dataset in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const pool = new pg.Pool({ connectionString: copy.url, max: 1 });
  const worker = await startWorker({ DATABASE_URL: copy.url }, "settings worker", log);
  try {
    await pointAppAt(copy.url);
    const { GET: overview } = await import("@/app/api/overview/route");
    const { GET: getSettings, PUT: putSettings } = await import("@/app/api/settings/route");
    const { closeQueueClient } = await import("@/lib/ingestion/queue-client");
    const settings = JSON.parse((await callRoute(getSettings, "/api/settings")).body) as { settings: { businessUnitTagKey: string } };
    const from = settings.settings.businessUnitTagKey;
    // The demo tags every resource and key with a cost center: a key every version has a value for.
    const to = from === "cost-center" ? "business-unit" : "cost-center";
    const counts = (await pool.query<{ r: number; k: number }>(`SELECT (SELECT count(*) FROM storage_resource_version)::int AS r, (SELECT count(*) FROM kms_key_version)::int AS k`)).rows[0]!;

    const ask = async () => {
      const t = performance.now();
      const { body } = await callRoute(overview, "/api/overview");
      return { ms: performance.now() - t, body };
    };
    const before = (await ask()).body; // warm-up: computes once for this generation
    const idle: number[] = [];
    for (let i = 0; i < opts.idleRuns; i++) {
      const r = await ask();
      idle.push(r.ms);
      if (r.body !== before) throw new Error("the overview changed while idle: something else writes to the copy");
      await sleep(opts.intervalMs);
    }
    log(`[settings ${dataset}] idle: p95 ${summarize(idle).p95.toFixed(1)} ms over ${idle.length}`);

    const saved = await callRoute(putSettings, "/api/settings", { method: "PUT", json: { businessUnitTagKey: to } });
    const savedAt = performance.now();
    if (!(JSON.parse(saved.body) as { recomputed: string[] }).recomputed.includes("resourceDims")) throw new Error(`the save did not ask for a history rewrite: ${saved.body}`);
    const firstAfterSave = await ask();
    log(`[settings ${dataset}] saved ${from} → ${to}; first overview after the save ${firstAfterSave.ms.toFixed(0)} ms`);

    const state = async () => (await pool.query<{ state: string }>(`SELECT state::text AS state FROM settings_recompute WHERE id = 1`)).rows[0]?.state;
    const during: number[] = [];
    let duringSameAsBefore = true;
    const workerCpuBefore = processCpuMs(worker.pid);
    let backend: { pid: number; cpuBefore: number | null; cpuLast: number | null } | null = null;
    for (;;) {
      const now = await state();
      if (now === "RUNNING" && !backend) {
        const pid = (await pool.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL AND pid <> pg_backend_pid() ORDER BY xact_start LIMIT 1`)).rows[0]?.pid;
        if (pid) backend = { pid, cpuBefore: processCpuMs(pid), cpuLast: null };
      }
      if (backend) backend.cpuLast = processCpuMs(backend.pid) ?? backend.cpuLast;
      if (now === "DONE" || now === "FAILED") {
        if (now === "FAILED") throw new Error(`the recompute failed: ${JSON.stringify((await pool.query(`SELECT error FROM settings_recompute`)).rows)}`);
        break;
      }
      const r = await ask();
      // Samples while the job is queued (the queue polls each second) are not "during".
      if (now === "RUNNING" && (await state()) === "RUNNING") {
        during.push(r.ms);
        if (r.body !== before) duringSameAsBefore = false;
      }
      await sleep(opts.intervalMs);
    }
    const saveToDoneSeconds = (performance.now() - savedAt) / 1000;
    const workerCpuAfter = processCpuMs(worker.pid);
    const cpuSeconds = {
      postgres: backend?.cpuBefore != null && backend.cpuLast != null ? (backend.cpuLast - backend.cpuBefore) / 1000 : null,
      worker: workerCpuBefore != null && workerCpuAfter != null ? (workerCpuAfter - workerCpuBefore) / 1000 : null,
    };
    const row = (await pool.query<{ s: number }>(`SELECT extract(epoch FROM finished_at - started_at)::float8 AS s FROM settings_recompute WHERE id = 1`)).rows[0]!;
    const after = (await ask()).body;
    const bus = (body: string) => [...new Set((JSON.parse(body) as OverviewBody).tiles.coverageByBusinessUnit.map((b) => b.businessUnit))].sort();
    const steps = worker.logs.filter((l) => l.msg === "settings recompute step").map((l) => ({ step: String(l.step), ms: Number(l.ms) }));
    const result: SettingsRecomputeResult = {
      dataset,
      tagKey: { from, to },
      historyRows: { resourceVersions: counts.r, keyVersions: counts.k },
      recomputeSeconds: row.s,
      saveToDoneSeconds,
      steps,
      cpuSeconds,
      intervalMs: opts.intervalMs,
      idle: summarize(idle),
      during: summarize(during),
      firstAfterSaveMs: firstAfterSave.ms,
      duringSameAsBefore,
      changedAfter: after !== before,
      businessUnits: { before: bus(before), after: bus(after) },
    };
    log(
      `[settings ${dataset}] recompute ${row.s.toFixed(1)} s, CPU ${JSON.stringify(cpuSeconds)} (${steps.map((s) => `${s.step} ${(s.ms / 1000).toFixed(1)} s`).join(", ")}); ` +
        `overview p95 idle ${result.idle.p95.toFixed(1)} ms, during ${result.during.p95.toFixed(1)} ms over ${during.length} (${(result.during.p95 / result.idle.p95).toFixed(2)}×); ` +
        `same figures meanwhile: ${duringSameAsBefore ? "yes" : "NO"}; changed after: ${result.changedAfter ? "yes" : "NO"}`,
    );
    await closeQueueClient();
    return result;
  } finally {
    await worker.stop();
    await releaseAppDatabase();
    await pool.end();
    await copy.drop();
  }
}
