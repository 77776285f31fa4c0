// Many viewers of the cached overview over HTTP against `next start` (issue 18 target 3):
// (a) the server's CPU per cached GET /api/overview - the CPU time of the `next start` process tree
//     (/proc utime + stime, what process.cpuUsage counts in the server) over sequential requests
//     the way a browser asks: a full answer in the coding it accepts, and a revalidation with the
//     ETag it got (If-None-Match → 304);
// (b) users with think time: each alternates the overview and a drill-down into a BU of its own,
//     pausing `thinkMs` between views and revalidating with the ETag of its previous answer, as
//     a browser does with `Cache-Control: no-cache`. bench/load.ts is the closed loop (no pause).
import { withClient } from "./lib/bench-db";
import { processTreeCpuMs } from "./lib/cpu";
import { summarize, type Summary } from "./lib/stats";

export interface ServerCpu {
  mode: string;
  requests: number;
  /** Server CPU milliseconds per request. */
  cpuMsPerRequest: number;
  /** Decoded bytes of the last answer (0 for a 304). */
  bytesPerResponse: number;
  status: number;
}

export interface ViewersResult {
  dataset: string;
  cpu: ServerCpu[];
  users: number;
  thinkMs: number;
  seconds: number;
  requests: number;
  errors: number;
  errorSamples: string[];
  notModified: number;
  all: Summary;
  byEndpoint: Record<string, Summary>;
}

const REQUEST_TIMEOUT_MS = 10_000;
const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

/** Server CPU per request over `n` sequential requests with these headers (after one unmeasured). */
async function serverCpu(baseUrl: string, pid: number, mode: string, headers: Record<string, string>, n: number): Promise<ServerCpu> {
  // Node's fetch decodes br/gzip itself; the bytes counted are the decoded ones.
  const get = async () => {
    const res = await fetch(`${baseUrl}/api/overview`, { headers });
    return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
  };
  let last = await get();
  const before = processTreeCpuMs(pid)!;
  for (let i = 0; i < n; i++) last = await get();
  const after = processTreeCpuMs(pid)!;
  return { mode, requests: n, cpuMsPerRequest: (after - before) / n, bytesPerResponse: last.bytes, status: last.status };
}

export async function benchViewers(baseUrl: string, pid: number, databaseUrl: string, dataset: string, opts: { users: number; seconds: number; thinkMs: number; cpuRequests: number; log: (m: string) => void }): Promise<ViewersResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(baseUrl)) throw new Error(`viewers bench only against 127.0.0.1, not ${baseUrl}`);
  const first = await fetch(`${baseUrl}/api/overview`, { headers: { "accept-encoding": BROWSER_ACCEPT_ENCODING } });
  // fetch removes one coding: JSON here means the body was not compressed twice.
  await first.json();
  const etag = first.headers.get("etag");
  const cpu: ServerCpu[] = [];
  // next start gzips every full answer itself (per request): the browser's case.
  cpu.push(await serverCpu(baseUrl, pid, "200, gzip by next start (browser Accept-Encoding)", { "accept-encoding": BROWSER_ACCEPT_ENCODING }, opts.cpuRequests));
  cpu.push(await serverCpu(baseUrl, pid, "200, identity", { "accept-encoding": "identity" }, opts.cpuRequests));
  if (etag) cpu.push(await serverCpu(baseUrl, pid, "304, If-None-Match", { "accept-encoding": BROWSER_ACCEPT_ENCODING, "if-none-match": etag }, opts.cpuRequests));
  for (const c of cpu) opts.log(`[viewers ${dataset}] server CPU ${c.mode}: ${c.cpuMsPerRequest.toFixed(2)} ms/request (${c.requests} requests, HTTP ${c.status}, ${c.bytesPerResponse} bytes)`);

  const bus = await withClient(databaseUrl, async (c) => {
    const r = await c.query<{ business_unit: string }>(
      `SELECT business_unit FROM coverage_bu_daily WHERE day = (SELECT max(day) FROM coverage_bu_daily) AND business_unit <> '' ORDER BY resources DESC, business_unit`,
    );
    return r.rows.length ? r.rows.map((row) => row.business_unit) : ["payments"];
  });
  const views = { overview: () => "/api/overview", drilldown: (u: number) => `/api/resources/noncompliant?bu=${encodeURIComponent(bus[u % bus.length]!)}&pageSize=50` };
  // Every view once, so the measured minute is the steady state between two ingestions.
  for (let u = 0; u < Math.min(opts.users, bus.length); u++) await (await fetch(`${baseUrl}${views.drilldown(u)}`)).arrayBuffer();

  const samples: Record<string, number[]> = { overview: [], drilldown: [] };
  const errorSamples: string[] = [];
  let errors = 0;
  let sent = 0;
  let notModified = 0;
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const user = async (u: number) => {
    const tags = new Map<string, string>();
    // Users arrive spread over one think time, not all in the same millisecond.
    await sleep((opts.thinkMs * u) / opts.users);
    for (let i = u % 2; performance.now() < deadline; i++) {
      const name = i % 2 === 0 ? "overview" : "drilldown";
      const path = views[name](u);
      const headers: Record<string, string> = { "accept-encoding": BROWSER_ACCEPT_ENCODING };
      const tag = tags.get(path);
      if (tag) headers["if-none-match"] = tag;
      sent++;
      const t = performance.now();
      try {
        const res = await fetch(`${baseUrl}${path}`, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        await res.arrayBuffer();
        if (res.status !== 200 && res.status !== 304) throw new Error(`HTTP ${res.status}`);
        samples[name]!.push(performance.now() - t);
        if (res.status === 304) notModified++;
        const etag = res.headers.get("etag");
        if (etag) tags.set(path, etag);
      } catch (error) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${name}: ${(error as Error).message}`);
      }
      await sleep(opts.thinkMs);
    }
  };
  await Promise.all(Array.from({ length: opts.users }, (_, u) => user(u)));
  const seconds = (performance.now() - started) / 1000;
  const all = summarize([...samples.overview!, ...samples.drilldown!]);
  const result: ViewersResult = {
    dataset,
    cpu,
    users: opts.users,
    thinkMs: opts.thinkMs,
    seconds,
    requests: sent,
    errors,
    errorSamples,
    notModified,
    all,
    byEndpoint: { overview: summarize(samples.overview!), drilldown: summarize(samples.drilldown!) },
  };
  opts.log(`[viewers ${dataset}] ${opts.users} users, ${opts.thinkMs} ms think time, ${seconds.toFixed(0)} s: ${sent} requests (${notModified} answered 304), ${errors} errors; p95 ${all.p95.toFixed(1)} ms (overview ${result.byEndpoint.overview!.p95.toFixed(1)}, drill-down ${result.byEndpoint.drilldown!.p95.toFixed(1)})`);
  return result;
}

/**
 * The smoke mode's check (`npm test` runs `viewers --tiny` against the build): every request
 * answered, revalidations answered 304 without a body, and the full answers carry the overview.
 */
export function assertViewersSmoke(result: ViewersResult): void {
  const problems: string[] = [];
  if (result.errors > 0) problems.push(`${result.errors} failed requests (${result.errorSamples.join("; ")})`);
  if (result.requests === 0) problems.push("no request was made");
  if (result.notModified === 0) problems.push("no revalidation was answered 304");
  for (const cpu of result.cpu) {
    const revalidation = cpu.status === 304;
    if (revalidation ? cpu.bytesPerResponse !== 0 : cpu.status !== 200 || cpu.bytesPerResponse === 0) problems.push(`${cpu.mode}: HTTP ${cpu.status}, ${cpu.bytesPerResponse} bytes`);
  }
  if (!result.cpu.some((c) => c.status === 304)) problems.push("the If-None-Match request was not answered 304");
  if (problems.length) throw new Error(`viewers smoke failed: ${problems.join("; ")}`);
}
