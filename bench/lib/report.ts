// Turns the saved results into the tables printed at the end of a run and into BENCHMARKS.md.
// The "Ingestion" and "Store throughput" sections belong to the ingestion benchmarks and are
// carried over verbatim, as are the hand-written "What bounds the missed targets" section and the
// in-process access-layer figures of bench/auth.ts.
import { readFile, writeFile } from "node:fs/promises";
import type { AuthHttpResult } from "../auth-http";
import type { CsvResult } from "../csv";
import type { DatasetInfo } from "../dataset";
import type { HistoryResult } from "../history";
import type { LcpResult } from "../lcp";
import type { LoadResult } from "../load";
import type { OverviewResult } from "../overview";
import type { OverviewPart } from "../overview-parts";
import type { PageResult } from "../pages";
import type { Machine } from "./machine";
import { loadResult } from "./results";
import type { Summary } from "./stats";

export const REPORT_FILE = "BENCHMARKS.md";
const PRESERVED = ["Ingestion", "Store throughput", "What bounds the missed targets", "Access layer overhead (issue 14)", "Bill export reading (issue 15)"];

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "—");
const f0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "—");
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const verdict = (ok: boolean) => (ok ? "**met**" : "**missed**");

function table(head: string[], rows: (string | number)[][]): string {
  const align = head.map((h, i) => (i === 0 ? "---" : "---:"));
  return [`| ${head.join(" | ")} |`, `| ${align.join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

interface All {
  machine?: Machine;
  after?: Machine;
  datasets: DatasetInfo[];
  overview?: OverviewResult[];
  overviewParts?: OverviewPart[];
  pages?: PageResult[];
  csv?: CsvResult;
  lcp?: LcpResult;
  history?: HistoryResult;
  load?: LoadResult;
  loadSmall?: LoadResult;
  authHttp?: AuthHttpResult;
}

async function loadAll(suffix: string): Promise<All> {
  const datasets = (await Promise.all(["small", "large", "tiny"].map((n) => loadResult<DatasetInfo>(`dataset-${n}`)))).filter((d): d is DatasetInfo => !!d);
  return {
    machine: await loadResult(`machine${suffix}`),
    after: await loadResult(`machine-after${suffix}`),
    datasets: suffix ? datasets.filter((d) => d.name === "tiny") : datasets.filter((d) => d.name !== "tiny"),
    overview: await loadResult(`overview${suffix}`),
    overviewParts: await loadResult(`overview-parts${suffix}`),
    pages: await loadResult(`pages${suffix}`),
    csv: await loadResult(`csv${suffix}`),
    lcp: await loadResult(suffix ? "lcp-tiny" : "lcp-large"),
    history: await loadResult(`history${suffix}`),
    load: await loadResult(suffix ? "load-tiny" : "load-large"),
    loadSmall: suffix ? undefined : await loadResult("load-small"),
    authHttp: await loadResult(`auth-http${suffix}`),
  };
}

export function datasetSection(a: All): string {
  const rows = a.datasets.map((d) => [
    d.name, d.options.accounts, d.options.businessUnits, f0(d.options.keys), f0(d.options.resources), d.options.days, d.options.keyRequestDays,
    f0(d.summary.resourceVersions), f0(d.summary.keyVersions), f0(d.summary.costRecords), `${f0(d.generationSeconds)} s`, mb(d.databaseBytes),
  ]);
  const large = a.datasets.find((d) => d.name === "large");
  const biggest = large ? `\n\nLargest tables of the large dataset: ${large.tables.slice(0, 6).map((t) => `\`${t.table}\` ${mb(t.bytes)} (${f0(t.rows)} rows)`).join(", ")}.` : "";
  return table(["dataset", "accounts", "BUs", "CMKs", "resources", "days", "key-request days", "resource versions", "key versions", "cost rows", "generation", "database size"], rows) + biggest;
}

export function overviewSection(a: All): string {
  if (!a.overview) return "_not measured yet_";
  const small = a.overview.find((o) => o.dataset === "small");
  // A snapshot figure measured over part of the window is scaled to the whole (linear in days).
  const scale = (o: OverviewResult) => (o.snapshotDays && o.windowDays ? o.windowDays / o.snapshotDays : 1);
  const est = (o: OverviewResult) => (scale(o) > 1 ? ` (${o.snapshotDays} days measured, ×${scale(o).toFixed(1)})` : "");
  const rows = a.overview.map((o) => [
    o.dataset, f1(o.api.median), f1(o.api.p95), o.api.n, o.apiCold ? `${f1(o.apiCold.median)} / ${f1(o.apiCold.p95)} (${o.apiCold.n})` : "—", `${f0(o.snapshot.median * scale(o))}${est(o)}`, f0(o.snapshot.p95 * scale(o)), o.snapshot.n,
    `${(o.snapshot.median * scale(o) / o.api.median).toFixed(1)}× warm, ${o.apiCold ? `${(o.snapshot.median * scale(o) / o.apiCold.median).toFixed(1)}× cold` : "—"}`, `${o.agree.apiLastDayResources === o.agree.snapshotLastDayResources ? "yes" : "NO"} (${f0(o.agree.apiLastDayResources)})`,
  ]);
  const large = a.overview.find((o) => o.dataset === "large");
  const lines = [table(["dataset", "API warm median ms", "API warm p95 ms", "runs", "API cold median / p95 ms (runs)", "snapshot-tables median ms", "snapshot-tables p95 ms", "runs", "snapshot / API (medians)", "same last-day count"], rows)];
  if (large) {
    lines.push(`\nTarget p95 ≤ 50 ms warm at large scale: ${f1(large.api.p95)} ms, ${verdict(large.api.p95 <= 50)}.`);
    if (small) lines.push(`Target large ≤ 3× small: p95 ${f1(large.api.p95)} / ${f1(small.api.p95)} ms = ${(large.api.p95 / small.api.p95).toFixed(2)}×, ${verdict(large.api.p95 <= 3 * small.api.p95)}.`);
    lines.push(`Window ${large.window.from}..${large.window.to}; response ${f0(large.responseBytes)} bytes of JSON.`);
  }
  if (a.overviewParts?.length) {
    const names = [...new Set(a.overviewParts.map((p) => p.part))];
    const datasets = [...new Set(a.overviewParts.map((p) => p.dataset))];
    const cell = (part: string, d: string) => {
      const s = a.overviewParts!.find((p) => p.part === part && p.dataset === d)?.summary;
      return s ? `${f1(s.median)} / ${f1(s.p95)}` : "—";
    };
    lines.push("\nEach query of the overview alone (they run concurrently in the API), median / p95 ms (`bench/overview-parts.ts`):\n");
    lines.push(table(["query", ...datasets], names.map((n) => [n, ...datasets.map((d) => cell(n, d))])));
  }
  return lines.join("\n");
}

export function pagesSection(a: All): string {
  if (!a.pages) return "_not measured yet_";
  const rows = a.pages.map((p) => [p.dataset, p.name, `\`${p.path}\``, f0(p.total), f1(p.summary.median), f1(p.summary.p95), p.summary.n, p.dataset === "large" ? verdict(p.summary.p95 <= 150) : ""]);
  return table(["dataset", "page", "request", "total rows", "median ms", "p95 ms", "runs", "p95 ≤ 150 ms"], rows);
}

export function csvSection(a: All): string {
  const c = a.csv;
  if (!c) return "_not measured yet_";
  const exportRate = c.exportRowsPerSecond.median;
  const copyRate = c.copyRowsPerSecond.median;
  const rows = [
    ["export route (in-process, child process)", f0(c.exportRuns[0]?.rows ?? 0), f0(c.exportRuns.map((r) => r.seconds).sort()[Math.floor(c.exportRuns.length / 2)]! * 1000), f0(exportRate), `${mb(c.peakRss)} (+${mb(c.peakRssAboveBaseline)} over the idle process)`],
    ["`psql` COPY … TO STDOUT (CSV)", f0(c.copyRuns[0]?.rows ?? 0), f0(c.copyRuns.map((r) => r.seconds).sort()[Math.floor(c.copyRuns.length / 2)]! * 1000), f0(copyRate), "—"],
  ];
  return [
    table(["path", "rows", "median ms", "median rows/s", "peak RSS"], rows),
    `\n${c.from}..${c.to} (13 months, ${f0(c.rowsInDb)} \`kms_cost_daily\` rows, ${c.exportRuns.length} runs each). ` +
      `Export / COPY throughput: ${(exportRate / copyRate).toFixed(2)}×${exportRate >= copyRate ? " (the export runs one COPY per month, the next on a second Postgres backend while the current one is sent; psql's is one statement on one backend)" : ` (COPY is ${(copyRate / exportRate).toFixed(1)}× faster)`}.`,
    `Target ≥ 200,000 rows/s: ${verdict(exportRate >= 200_000)}; peak memory < 300 MB: ${verdict(c.peakRss < 300e6)}` +
      (c.rowsInDb < 1_000_000 ? ` (for ${f0(c.rowsInDb)} rows: 13 months of the large dataset hold fewer than 1,000,000; memory is flat in rows, see the RSS above the idle process).` : "."),
  ].join("\n");
}

export function lcpSection(a: All): string {
  const l = a.lcp;
  if (!l) return "_not measured yet_";
  const rows = l.pages.map((p) => [`\`${p.path.length > 40 ? p.path.slice(0, 37) + "…" : p.path}\``, `${p.status}${p.networkIdle === false ? " (busy)" : ""}`, p.lcpMs === null ? "—" : f0(p.lcpMs), p.scripts, f1(p.jsGzipBytes / 1024), f1(p.jsRawBytes / 1024), verdict(p.jsGzipBytes <= 300 * 1024)]);
  return [
    `Overview (\`/\`) on ${l.dataset}, ${l.overviewLcp.n} first visits (fresh context each): LCP median ${f0(l.overviewLcp.median)} ms, p95 ${f0(l.overviewLcp.p95)} ms; target ≤ 1,500 ms: ${verdict(l.overviewLcp.p95 <= 1500)}.\n`,
    "(busy) = the page was still fetching data 20 s after `load`; its LCP is what had painted by then.\n",
    table(["page", "HTTP", "LCP ms (one visit)", "scripts", "first-load JS kB gzip", "kB raw", "≤ 300 kB gzip"], rows),
  ].join("\n");
}

export function historySection(a: All): string {
  const h = a.history;
  if (!h) return "_not measured yet_";
  const row = (s: HistoryResult["oneDay"]) => [
    `${s.days} day${s.days > 1 ? "s" : ""}`, f0(s.resourceVersions), f0(s.keyVersions),
    mb(s.tables.storage_resource_version.bytes), `${mb(s.tables.storage_resource_version.heapBytes)} / ${mb(s.tables.storage_resource_version.indexBytes)}`,
    mb(s.tables.kms_key_version.bytes), mb(s.totalBytes),
  ];
  return [
    table(["history", "resource versions", "key versions", "storage_resource_version", "heap / indexes", "kms_key_version", "both"], [row(h.oneDay), row(h.oneYear)]),
    `\nOrganization: ${f0(h.resources)} resources and ${f0(h.keys)} CMKs, ${h.changeRate * 100}% of each changing per day. ` +
      `365 days / 1 day = **${h.ratio.toFixed(2)}×** (target ≤ 3×: ${verdict(h.ratio <= 3)}).`,
  ].join("\n");
}

export function loadSection(a: All): string {
  return [a.load, a.loadSmall].filter((l): l is LoadResult => !!l).map(loadTable).join("\n\n") || "_not measured yet_";
}

function loadTable(l: LoadResult): string {
  const rows = Object.entries(l.byEndpoint).map(([name, s]) => [name, f0(s.n), f1(s.median), f1(s.p95), f1(s.max)]);
  rows.push(["all", f0(l.all.n), f1(l.all.median), f1(l.all.p95), f1(l.all.max)]);
  return [
    table(["endpoint", "requests", "median ms", "p95 ms", "max ms"], rows),
    `\n**${l.dataset}**: ${l.users} users for ${f0(l.seconds)} s: ${f0(l.requests)} requests, ${f1(l.throughput)} requests/s, ${l.errors} errors${l.errorSamples.length ? ` (${l.errorSamples.join("; ")})` : ""}. ` +
      `Target p95 ≤ 200 ms and no errors: ${verdict(l.all.p95 <= 200 && l.errors === 0)}.`,
  ].join("\n");
}

export function authHttpSection(a: All): string {
  const r = a.authHttp;
  if (!r) return "_not measured yet_";
  const row = (name: string, s: Summary, key?: "session" | "bearer") =>
    [name, f0(s.n), s.median.toFixed(2), s.p95.toFixed(2), key ? r.addedP95[key].toFixed(2) : "—", key ? r.addedP95Blocked[key].toFixed(2) : "—"];
  const blocked = Math.max(r.addedP95Blocked.session, r.addedP95Blocked.bearer);
  return [
    table(["request", "requests", "p50 ms", "p95 ms", "added p95 ms (all requests)", `added p95 ms (median of ${r.addedP95Blocked.blocks} blocks)`], [
      row("AUTH_MODE=none (no check)", r.none),
      row("AUTH_MODE=oidc, session cookie", r.session, "session"),
      row("AUTH_MODE=oidc, bearer token", r.bearer, "bearer"),
    ]),
    `\n**${r.dataset}** dataset, ${f0(r.responseBytes)}-byte answer. Target: the check adds ≤ 2 ms p95 (median of the blocks): ${verdict(blocked <= 2)}.`,
  ].join("\n");
}

function section(md: string, heading: string): string | undefined {
  const start = md.indexOf(`\n## ${heading}\n`);
  if (start < 0) return undefined;
  const next = md.indexOf("\n## ", start + 4);
  return md.slice(start + 1, next < 0 ? undefined : next).trimEnd();
}

/** Replaces (or appends) one section of BENCHMARKS.md, for a benchmark that writes its own. */
export async function writeSection(text: string, file = REPORT_FILE): Promise<string> {
  const heading = /^## (.+)$/m.exec(text)?.[1];
  if (!heading) throw new Error("a section starts with its ## heading");
  const md = await readFile(file, "utf8").catch(() => "# Benchmarks\n");
  const old = section(md, heading);
  const next = old === undefined ? `${md.trimEnd()}\n\n${text}\n` : md.replace(old, text);
  await writeFile(file, next);
  return file;
}

export async function printTables(suffix: string): Promise<void> {
  const a = await loadAll(suffix);
  for (const [title, body] of [["Datasets", datasetSection(a)], ["Overview API", overviewSection(a)], ["Pages", pagesSection(a)], ["Chargeback CSV", csvSection(a)], ["Chromium", lcpSection(a)], ["History storage", historySection(a)], ["Concurrent users", loadSection(a)], ["Access layer over HTTP", authHttpSection(a)]] as const) {
    console.log(`\n== ${title}\n${body}`);
  }
}

export async function writeReport(file = REPORT_FILE): Promise<string> {
  const a = await loadAll("");
  const old = await readFile(file, "utf8").catch(() => "");
  const kept = Object.fromEntries(PRESERVED.map((h) => [h, section(old, h)]));
  const m = a.machine;
  const machineLine = m
    ? `Machine: \`nproc\` = ${m.nproc}, ${m.cpuModel}, \`free -h\`: ${m.memory}, Node ${m.node}, embedded PostgreSQL 18 on the same machine. ` +
      `**The machine was shared**: other engineers ran test suites during the runs (load average ${m.loadavg.join(" / ")} at the start, ${a.after?.loadavg.join(" / ") ?? "?"} at the end, on 2 cores), so latencies are pessimistic and vary between runs.`
    : "";
  const parts = [
    "# Benchmarks",
    "",
    machineLine,
    "",
    "    npm run bench                    # everything: datasets (once), then every benchmark, then this file",
    "    npm run bench -- overview        # one of dataset|overview|pages|csv|lcp|history|load|auth|bill|all",
    "    npm run bench -- all --tiny      # smoke mode (2,000 resources, 30 days, few iterations; this file untouched)",
    "",
    "Datasets live in their own embedded Postgres (`.data/postgres-bench`, port 54341, databases `kms_finops_bench` and",
    "`kms_finops_bench_small`), generated once by the demo generator; results are kept in `bench/.data/results/*.json`.",
    "Latencies are wall-clock per call, warm (after warm-up calls), nearest-rank median and p95. Route handlers are called",
    "in-process (`GET` imported from `app/api/**/route.ts`) unless the section says HTTP.",
    "",
    "## Datasets",
    "",
    datasetSection(a),
    "",
    "Generation time includes the rollups. Loading uses a Prisma client with a 30-minute interactive-transaction timeout:",
    "with the default 5 s, `recomputeCostMonthly` fails at this scale.",
    "",
    "## Overview API",
    "",
    "`GET /api/overview` (every tile and the four 13-month series, from the rollups), against the same KPIs computed",
    "straight from the snapshot tables: `storage_resource_version` as of each day of the window (one pass, grouping sets",
    "for organization and per BU, all five non-compliance reasons), `kms_cost_daily` per BU and month, key and cost tiles",
    "(`bench/lib/snapshot-kpis.ts`). Both must give the same resource count on the last day (last column).",
    "The route keeps its JSON per data generation (`lib/api/generation-cache.ts`: a sequence every write to a dashboard",
    "table draws from, checked on each request): *warm* is that path, what every request between two ingestions gets;",
    "*cold* draws a new generation before each call (`bench/lib/generation.ts`), so every call computes all of it, as",
    "the first request after an ingestion or a settings save does.",
    "",
    overviewSection(a),
    "",
    "## Non-compliant resources and keys: one page of 50",
    "",
    "Route handlers in-process. These routes also keep each page per data generation and query; every sample here is",
    "uncached: a new generation is drawn before each call (outside the timing), so the figure is the query itself.",
    "",
    pagesSection(a),
    "",
    "## Chargeback CSV export",
    "",
    "`GET /api/export/chargeback?from=…&to=…` (13 months, direct allocation) read to the end in a child process of its own",
    "(`bench/csv-child.ts`; peak RSS = the kernel's high-water mark of that process), against `psql -c \"COPY (same",
    "rows, same join, same order) TO STDOUT (FORMAT csv)\"` over the same database URL.",
    "",
    csvSection(a),
    "",
    "## Overview page in Chromium",
    "",
    "`next build` (in a copy of the sources, `.data/bench-app`) then `next start` against the large dataset; Debian's",
    "`/usr/bin/chromium` through playwright-core, headless, a fresh context per visit, 1440×900. LCP is the last",
    "`largest-contentful-paint` entry after `load` plus up to 20 s of waiting for network idle. First-load JS = every script the page fetched on that visit,",
    "each gzipped with zlib's default level, summed.",
    "",
    lcpSection(a),
    "",
    "## History storage",
    "",
    "The same synthetic organization (`bench/lib/history-org.ts`) written through `storeInventoryHistory` as 1 day and",
    "as 365 days; `pg_total_relation_size` (heap + indexes + TOAST) of the version tables after `VACUUM ANALYZE`.",
    "",
    historySection(a),
    "",
    "## Concurrent users",
    "",
    "Over HTTP against `next start` on 127.0.0.1 (the same server as above): each user requests `/api/overview`, then",
    "a drill-down into a business unit of its own (`/api/resources/noncompliant?bu=<BU>&pageSize=50`, users spread over",
    "all BUs), alternately, back to back, no think time. Node `fetch`, 10 s timeout per request. The load generator, the",
    "server and Postgres share the 2 cores. Both routes serve repeated requests from their per-generation cache, as in use",
    "between two ingestions; the first request of each view computes it.",
    "",
    loadSection(a),
    "",
    "## Access layer over HTTP (issue 14)",
    "",
    "`npm run bench -- auth`: the cached `GET /api/overview` over HTTP from two `next start` servers of the same build on",
    "the same dataset, AUTH_MODE=none (no check) and AUTH_MODE=oidc called with a session cookie and with a bearer API",
    "token (both created in the database; a finops principal, unscoped like the local admin, so all three get the same",
    "cached answer — the bench checks the bodies are identical). Warmed, then the three requests take turns, sequentially,",
    "in 10 consecutive blocks. On the shared machine the p95 of all requests moves by several ms either way between runs;",
    "the last column, the median over the blocks of each block's p95 difference, is the figure that repeats.",
    "",
    authHttpSection(a),
    "",
    kept["Access layer overhead (issue 14)"] ?? "## Access layer overhead (issue 14)\n\n_In process: `bench/auth.ts`._",
    "",
    kept["What bounds the missed targets"] ?? "## What bounds the missed targets\n\n_to be written after a full run_",
    "",
    kept["Ingestion"] ?? "## Ingestion\n\n_Placeholder: the ingestion benchmark (`bench/ingestion.ts`) fills this section._",
    "",
    kept["Store throughput"] ?? "## Store throughput\n\n_Placeholder: `bench/store.ts` fills this section._",
    "",
    kept["Bill export reading (issue 15)"] ?? "## Bill export reading (issue 15)\n\n_`npm run bench -- bill` fills this section._",
    "",
    kept["Settings change at scale (issue 18)"] ?? "## Settings change at scale (issue 18)\n\n_`npm run bench -- settings`; figures written by hand from its log._",
    "",
    kept["Ingestion across an organization (issue 18)"] ?? "## Ingestion across an organization (issue 18)\n\n_`npm run bench -- org-ingestion`; figures written by hand from its log._",
    "",
  ];
  await writeFile(file, parts.join("\n"));
  return file;
}
