// GET /api/overview in-process, warm, on one dataset; and the same KPIs straight from the snapshot
// tables (bench/lib/snapshot-kpis.ts) for the ratio. Also checks that both agree on the last day's
// resource count, so the comparison is between two ways of computing the same numbers.
import pg from "pg";
import { db as appDb } from "@/lib/db/client";
import { addDays } from "@/lib/domain/days";
import { computeBucketKeySavings } from "@/lib/rollups/bucket-key-savings";
import { bumpGeneration } from "./lib/generation";
import { callRoute, releaseAppDatabase, pointAppAt } from "./lib/inprocess";
import { snapshotKpis } from "./lib/snapshot-kpis";
import { summarize, timeRuns, type Summary } from "./lib/stats";

// The handlers sit behind the access layer; benches measure them as the AUTH_MODE=none local admin.
process.env.AUTH_MODE ??= "none";

export interface OverviewResult {
  dataset: string;
  /** Warm: served from the per-generation cache. */
  api: Summary;
  /** Cold: a new data generation before each call, so every call computes (the first request after an ingestion). */
  apiCold?: Summary;
  /** Baseline of the same run: cold with the Bucket Key pricing inside the request, as before it moved to the rollup step. */
  apiColdFormer?: Summary;
  responseBytes: number;
  snapshot: Summary;
  window: { from: string; to: string; costTo: string };
  /** Days of the coverage window the snapshot-table figure covered (all of it unless limited). */
  snapshotDays: number;
  windowDays: number;
  agree: { apiLastDayResources: number; snapshotLastDayResources: number };
}

interface OverviewBody {
  asOf: { coverage: string | null; costs: string | null };
  tiles: { coverage: { resources: number } | null };
  window: { from: string | null; to: string | null };
}

export async function benchOverview(url: string, dataset: string, opts: { runs: number; coldRuns: number; snapshotRuns: number; snapshotDays?: number; log: (m: string) => void }): Promise<OverviewResult> {
  await pointAppAt(url);
  const { GET } = await import("@/app/api/overview/route");
  try {
    const first = await callRoute(GET, "/api/overview");
    const body = JSON.parse(first.body) as OverviewBody;
    // At large scale one call takes a minute: the first call above is the warm-up there.
    const apiSamples = await timeRuns(() => callRoute(GET, "/api/overview"), opts.runs, dataset === "large" ? 0 : 5, 120_000);
    const api = summarize(apiSamples);
    opts.log(`[overview ${dataset}] API: median ${api.median.toFixed(1)} ms, p95 ${api.p95.toFixed(1)} ms over ${api.n} runs (${first.bytes} bytes)`);
    // Cold, alternating with the same-run baseline: the former cold path, which priced every
    // candidate bucket inside the request (computeBucketKeySavings, now the rollup step's work),
    // concurrently with the overview's other queries as the request did. Alternating the two keeps
    // a shared machine's load swings out of the ratio.
    const bumper = new pg.Pool({ connectionString: url, max: 1 });
    const coldSamples: number[] = [];
    const formerSamples: number[] = [];
    const timed = async (samples: number[], fn: () => Promise<unknown>) => {
      await bumpGeneration(bumper);
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
    };
    try {
      await timed([], () => callRoute(GET, "/api/overview")); // warm-up
      for (let i = 0; i < opts.coldRuns; i++) {
        await timed(coldSamples, () => callRoute(GET, "/api/overview"));
        await timed(formerSamples, () => Promise.all([callRoute(GET, "/api/overview"), computeBucketKeySavings(appDb())]));
      }
    } finally {
      await bumper.end();
    }
    const apiCold = summarize(coldSamples);
    const apiColdFormer = summarize(formerSamples);
    opts.log(`[overview ${dataset}] API cold: median ${apiCold.median.toFixed(1)} ms, p95 ${apiCold.p95.toFixed(1)} ms over ${apiCold.n} runs; former cold path (pricing in the request): median ${apiColdFormer.median.toFixed(1)} ms, p95 ${apiColdFormer.p95.toFixed(1)} ms`);

    const window = { from: body.window.from ?? body.asOf.coverage!, to: body.window.to ?? body.asOf.coverage!, costTo: body.asOf.costs ?? body.asOf.coverage! };
    const windowDays = Math.round((Date.parse(window.to) - Date.parse(window.from)) / 86_400_000) + 1;
    // At large scale the as-of-each-day join costs minutes per month of window: measured over
    // the last `snapshotDays` days and scaled to the window in the report (it is linear in days).
    const snapshotDays = Math.min(windowDays, opts.snapshotDays ?? windowDays);
    const snapWindow = { ...window, from: snapshotDays < windowDays ? addDays(window.to, -(snapshotDays - 1)) : window.from };
    if (opts.snapshotRuns === 0) {
      // --cold-only: the API figures without the minutes of the snapshot-table comparison.
      return { dataset, api, apiCold, apiColdFormer, responseBytes: first.bytes, snapshot: summarize([]), window, snapshotDays: 0, windowDays, agree: { apiLastDayResources: body.tiles.coverage?.resources ?? 0, snapshotLastDayResources: NaN } };
    }
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    try {
      // The first run is both the agreement check and a sample: at large scale one run takes
      // minutes, and the version table is already in the OS page cache from the API runs' data.
      const t = performance.now();
      const check = await snapshotKpis(pool, snapWindow);
      const firstMs = performance.now() - t;
      const more = firstMs < 60_000 ? await timeRuns(() => snapshotKpis(pool, snapWindow), opts.snapshotRuns - 1, 0, 120_000) : [];
      const snapSamples = [firstMs, ...more];
      const snapshot = summarize(snapSamples);
      opts.log(`[overview ${dataset}] snapshot tables (${snapshotDays} of ${windowDays} days): median ${snapshot.median.toFixed(0)} ms, p95 ${snapshot.p95.toFixed(0)} ms over ${snapshot.n} runs`);
      return {
        dataset,
        api,
        apiCold,
        apiColdFormer,
        responseBytes: first.bytes,
        snapshot,
        window,
        snapshotDays,
        windowDays,
        agree: { apiLastDayResources: body.tiles.coverage?.resources ?? 0, snapshotLastDayResources: check.lastDayResources },
      };
    } finally {
      await pool.end();
    }
  } finally {
    await releaseAppDatabase();
  }
}
