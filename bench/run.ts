// `npm run bench -- [dataset|overview|pages|csv|lcp|history|load|auth|bill|settings|org-ingestion|all] [--tiny] [--no-report]`
// Creates the benchmark datasets once (large + small, or tiny with --tiny) in the bench's own
// Postgres, runs the chosen benchmarks, prints a table and rewrites BENCHMARKS.md from the saved
// results (bench/.data/results). --tiny is the smoke mode: small data, few iterations, no report.
import { spawnSync } from "node:child_process";
import v8 from "node:v8";
import { Command, InvalidArgumentError } from "commander";
import { benchAuthHttp } from "./auth-http";
import { benchBill, billSection } from "./bill";
import { benchCsv } from "./csv";
import { ensureDataset, type DatasetInfo } from "./dataset";
import { benchHistory } from "./history";
import { benchLcp } from "./lcp";
import { benchLoad } from "./load";
import { benchOrgIngestion } from "./org-ingestion";
import { assertViewersSmoke, benchViewers } from "./viewers";
import { benchOverview } from "./overview";
import { benchOverviewParts } from "./overview-parts";
import { benchPages } from "./pages";
import { benchSettingsRecompute } from "./settings-recompute";
import { startBenchServer, type BenchServer, type DatasetName } from "./lib/bench-db";
import { iterations } from "./lib/datasets";
import { machine } from "./lib/machine";
import { startApp, type RunningApp } from "./lib/next-app";
import { printTables, writeReport, writeSection } from "./lib/report";
import { saveResult } from "./lib/results";

const BENCHMARKS = ["dataset", "overview", "pages", "csv", "lcp", "history", "load", "viewers", "auth", "bill", "settings", "org-ingestion", "all"] as const;
type Benchmark = (typeof BENCHMARKS)[number];

const program = new Command()
  .name("bench")
  .argument("[benchmark]", BENCHMARKS.join("|"), (v: string) => {
    if (!(BENCHMARKS as readonly string[]).includes(v)) throw new InvalidArgumentError(`must be one of ${BENCHMARKS.join(", ")}`);
    return v;
  }, "all")
  .option("--datasets <list>", "comma-separated subset of small,large (default both)", (v: string) => v.split(",") as DatasetName[])
  .option("--cold-only", "overview: skip the snapshot-table comparison (minutes at large scale)", false)
  .option("--tiny", "smoke mode: 2,000 resources, 30 days, few iterations; BENCHMARKS.md untouched", false)
  .option("--no-report", "do not rewrite BENCHMARKS.md")
  .option("--app-dataset <name>", "dataset served by `next start` for lcp, load and auth (default large)")
  .option("--load-seconds <n>", "duration of the load test", (v) => Number(v))
  .option("--build", "run `next build` (in an isolated copy) even when a build exists", false);

const log = (m: string) => console.log(m);

async function main(): Promise<void> {
  program.parse();
  const which = program.args[0] as Benchmark | undefined ?? "all";
  const opts = program.opts<{ appDataset?: DatasetName; datasets?: DatasetName[]; tiny: boolean; report: boolean; loadSeconds?: number; build: boolean; coldOnly: boolean }>();
  const tiny = opts.tiny;
  const suffix = tiny ? "-tiny" : "";
  const wants = (b: Benchmark) => which === "all" || which === b;
  const started = performance.now();
  // Reading bill exports needs no database: it runs before (and, alone, without) the bench Postgres.
  if (wants("bill")) {
    const result = await benchBill({ tiny, log });
    await saveResult(`bill${suffix}`, result);
    if (!tiny && opts.report) log(`[bench] wrote ${await writeSection(billSection(result))}`);
    if (which === "bill") return;
  }
  const server: BenchServer = await startBenchServer(log);
  let app: RunningApp | undefined;
  try {
    await saveResult(`machine${suffix}`, machine());
    // The organization ingestion brings its own (empty) database: alone, it needs no dataset.
    const names: DatasetName[] = which === "org-ingestion" ? [] : tiny ? ["tiny"] : (opts.datasets ?? ["small", "large"]);
    const main: DatasetName = tiny ? "tiny" : names.includes("large") ? "large" : names[0]!;
    const urls = {} as Record<DatasetName, string>;
    const infos: DatasetInfo[] = [];
    for (const name of names) {
      const { url, info } = await ensureDataset(server, name, log);
      urls[name] = url;
      infos.push(info);
    }
    const served: DatasetName = tiny ? "tiny" : (opts.appDataset ?? main);
    if (!urls[served] && names.length) urls[served] = (await ensureDataset(server, served, log)).url;
    log(`[bench] datasets ready: ${infos.map((i) => `${i.name} (${i.summary.resourceVersions} resource versions, ${(i.databaseBytes / 2 ** 20).toFixed(0)} MiB, generated in ${i.generationSeconds.toFixed(0)} s)`).join("; ")}`);

    if (wants("overview")) {
      const results = [];
      for (const name of names) results.push(await benchOverview(urls[name], name, { runs: iterations(tiny, name === "large" ? 200 : 300), coldRuns: iterations(tiny, name === "large" ? 10 : 30, 2), snapshotRuns: opts.coldOnly ? 0 : iterations(tiny, name === "large" ? 2 : 10, 2), snapshotDays: name === "large" ? 31 : undefined, log }));
      await saveResult(`overview${suffix}`, results);
      const parts = [];
      for (const name of names) parts.push(...(await benchOverviewParts(urls[name], name, { runs: iterations(tiny, 30), log })));
      await saveResult(`overview-parts${suffix}`, parts);
    }
    if (wants("pages")) {
      const results = [];
      for (const name of names) results.push(...(await benchPages(urls[name], name, { runs: iterations(tiny, 100), log })));
      await saveResult(`pages${suffix}`, results);
    }
    if (wants("csv")) await saveResult(`csv${suffix}`, await benchCsv(urls[main], main, { runs: iterations(tiny, 3, 1), log }));
    if (wants("history")) await saveResult(`history${suffix}`, await benchHistory(server, { tiny, log }));
    if (wants("settings")) {
      await saveResult(`settings-recompute${suffix}`, await benchSettingsRecompute(server, main, { idleRuns: iterations(tiny, 200), intervalMs: tiny ? 20 : 100, log }));
    }
    if (wants("org-ingestion")) {
      // Full size: one account-region of 750 keys (a 150 s floor) among 799 of 2 keys and 50 resources.
      const size = tiny ? { accounts: 3, large: { keys: 20, resources: 200 }, small: { keys: 2, resources: 20 } } : { accounts: 200, large: { keys: 750, resources: 5_000 }, small: { keys: 2, resources: 50 } };
      await saveResult(`org-ingestion${suffix}`, await benchOrgIngestion(server, { size, workers: 2, unitConcurrency: 4, quotaShare: 0.9, log }));
    }
    if (wants("lcp") || wants("load") || wants("viewers")) {
      app = (await startApp(urls[served], { build: opts.build, smoke: tiny, log })) ?? undefined;
      if (!app) log("[bench] no production build to serve: lcp and load skipped (smoke mode never builds)");
      if (app && wants("lcp")) await saveResult(`lcp-${served}`, await benchLcp(app.baseUrl, served, { databaseUrl: urls[served], runs: iterations(tiny, served === "large" ? 3 : 7, 1), log }));
      if (app && wants("load")) {
        const seconds = opts.loadSeconds ?? (tiny ? 3 : 60);
        await saveResult(`load-${served}`, await benchLoad(app.baseUrl, urls[served], served, { users: tiny ? 5 : 50, seconds, log }));
      }
      if (app && wants("viewers")) {
        const seconds = opts.loadSeconds ?? (tiny ? 3 : 60);
        const viewers = { users: tiny ? 5 : 50, seconds, thinkMs: tiny ? 200 : 2000, cpuRequests: iterations(tiny, 300, 20), log };
        const result = await benchViewers(app.baseUrl, app.pid, urls[served], served, viewers);
        await saveResult(`viewers-${served}`, result);
        if (tiny) assertViewersSmoke(result);
      }
    }
    if (wants("auth")) {
      // Its own two servers (AUTH_MODE=none and oidc): the lcp/load server is not needed any more.
      await app?.stop();
      app = undefined;
      const result = await benchAuthHttp(urls[served], served, { runs: iterations(tiny, 2000, 20), build: opts.build && !wants("lcp") && !wants("load"), smoke: tiny, log });
      if (result) await saveResult(`auth-http${suffix}`, result);
      else log("[bench] no production build to serve: auth skipped (smoke mode never builds)");
    }
    await saveResult(`machine-after${suffix}`, machine());
    await printTables(suffix);
    if (!tiny && opts.report) log(`[bench] wrote ${await writeReport()}`);
    log(`[bench] finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await app?.stop();
    await server.stop();
  }
}

// Generating the large dataset holds a day's inventory of 1,000,000 resources and its versions in
// memory, more than Node's default ~4 GB heap: rerun this process with a larger one.
const HEAP_MB = 12_288;
if (!process.argv.includes("--tiny") && v8.getHeapStatistics().heap_size_limit < 8 * 2 ** 30 && !process.env.BENCH_REEXEC) {
  const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${HEAP_MB}`, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, BENCH_REEXEC: "1" } });
  process.exit(child.status ?? 1);
}

main().catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
