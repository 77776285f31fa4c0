// Chargeback CSV for 13 months: the export route streamed in a child process (rows/s, peak RSS),
// against Postgres's own COPY ... TO STDOUT of the same rows through psql (Debian's
// postgresql-client), which is the floor for "rows out of the database as CSV".
import { spawn } from "node:child_process";
import { withClient } from "./lib/bench-db";
import { summarize, type Summary } from "./lib/stats";

export interface CsvRun {
  rows: number;
  bytes: number;
  seconds: number;
  firstByteMs?: number;
  baselineRss?: number;
  peakRss?: number;
}

export interface CsvResult {
  dataset: string;
  from: string;
  to: string;
  rowsInDb: number;
  exportRuns: CsvRun[];
  copyRuns: CsvRun[];
  exportRowsPerSecond: Summary;
  copyRowsPerSecond: Summary;
  peakRss: number;
  peakRssAboveBaseline: number;
}

/**
 * The same rows as the export reads, in the same order, with the raw columns only: the export's
 * own COPY (lib/export/chargeback-sql.ts) writes the 19 FOCUS columns, about twice the bytes.
 */
const COPY_QUERY = (from: string, to: string) => `COPY (
  SELECT to_char(c.day, 'YYYY-MM-DD'), c.account_id, coalesce(a.name, ''), c.region, c.business_unit, c.cost_center, c.usage_type,
         c.category::text, c.unblended_cost::text, c.usage_quantity::text
  FROM kms_cost_daily c LEFT JOIN account a ON a.account_id = c.account_id
  WHERE c.day >= '${from}-01'::date AND c.day < ('${to}-01'::date + interval '1 month')
  ORDER BY c.day, c.account_id, c.business_unit, c.cost_center, c.usage_type) TO STDOUT WITH (FORMAT csv, HEADER)`;

function runAndCount(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; newlines: number; bytes: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let bytes = 0;
    let newlines = 0;
    let tail = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines++;
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`${cmd} exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ stdout: tail, newlines, bytes, seconds: (performance.now() - started) / 1000 });
    });
  });
}

async function exportOnce(url: string, from: string, to: string): Promise<CsvRun> {
  const out = await runAndCount("npx", ["--no-install", "tsx", "bench/csv-child.ts", from, to], { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" });
  const line = out.stdout.trim().split("\n").at(-1)!;
  return JSON.parse(line) as CsvRun;
}

async function copyOnce(url: string, from: string, to: string): Promise<CsvRun> {
  const out = await runAndCount("psql", [url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", COPY_QUERY(from, to)], process.env);
  return { rows: out.newlines - 1, bytes: out.bytes, seconds: out.seconds };
}

export async function benchCsv(url: string, dataset: string, opts: { runs: number; log: (m: string) => void }): Promise<CsvResult> {
  const { to, from, rows } = await withClient(url, async (c) => {
    const last = await c.query<{ to: string; from: string }>(
      `SELECT to_char(max(day), 'YYYY-MM') AS to, to_char(max(day) - interval '12 months', 'YYYY-MM') AS from FROM kms_cost_daily`,
    );
    const { to, from } = last.rows[0]!;
    const n = await c.query<{ n: string }>(`SELECT count(*) AS n FROM kms_cost_daily WHERE day >= $1::date AND day < ($2::date + interval '1 month')`, [`${from}-01`, `${to}-01`]);
    return { to, from, rows: Number(n.rows[0]!.n) };
  });
  opts.log(`[csv ${dataset}] 13 months ${from}..${to}: ${rows} kms_cost_daily rows`);
  const exportRuns: CsvRun[] = [];
  const copyRuns: CsvRun[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const e = await exportOnce(url, from, to);
    exportRuns.push(e);
    opts.log(`[csv ${dataset}] export: ${e.rows} rows in ${e.seconds.toFixed(2)} s = ${Math.round(e.rows / e.seconds)} rows/s, peak RSS ${((e.peakRss ?? 0) / 2 ** 20).toFixed(0)} MiB`);
    const c = await copyOnce(url, from, to);
    copyRuns.push(c);
    opts.log(`[csv ${dataset}] psql COPY: ${c.rows} rows in ${c.seconds.toFixed(2)} s = ${Math.round(c.rows / c.seconds)} rows/s`);
  }
  const peak = exportRuns.reduce((m, r) => (r.peakRss! > m.peakRss! ? r : m));
  return {
    dataset,
    from,
    to,
    rowsInDb: rows,
    exportRuns,
    copyRuns,
    exportRowsPerSecond: summarize(exportRuns.map((r) => r.rows / r.seconds)),
    copyRowsPerSecond: summarize(copyRuns.map((r) => r.rows / r.seconds)),
    peakRss: peak.peakRss!,
    peakRssAboveBaseline: peak.peakRss! - peak.baselineRss!,
  };
}
