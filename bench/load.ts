// Concurrent users against `next start` on loopback: each simulated user requests the overview,
// then a drill-down (a BU's non-compliant resources), then the overview again, back to back, until
// the time is up or the request cap is reached. Node fetch; bounded in time, count and per request.
import { withClient } from "./lib/bench-db";
import { summarize, type Summary } from "./lib/stats";

export interface LoadResult {
  dataset: string;
  users: number;
  seconds: number;
  requests: number;
  errors: number;
  errorSamples: string[];
  throughput: number;
  all: Summary;
  byEndpoint: Record<string, Summary>;
}

const MAX_REQUESTS = 200_000;
const REQUEST_TIMEOUT_MS = 10_000;

export async function benchLoad(baseUrl: string, databaseUrl: string, dataset: string, opts: { users: number; seconds: number; log: (m: string) => void }): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(baseUrl)) throw new Error(`load test only against 127.0.0.1, not ${baseUrl}`);
  // Each user drills into a business unit of its own (users spread over all BUs, largest first), as
  // the managers of different teams would: the drill-downs are not all one cached page.
  const bus = await withClient(databaseUrl, async (c) => {
    const r = await c.query<{ business_unit: string }>(
      `SELECT business_unit FROM coverage_bu_daily WHERE day = (SELECT max(day) FROM coverage_bu_daily) AND business_unit <> '' ORDER BY resources DESC, business_unit`,
    );
    return r.rows.length ? r.rows.map((row) => row.business_unit) : ["payments"];
  });
  const drilldown = (u: number) => `/api/resources/noncompliant?bu=${encodeURIComponent(bus[u % bus.length]!)}&pageSize=50`;
  const endpoints = { overview: () => "/api/overview", drilldown };
  const sequence: (keyof typeof endpoints)[] = ["overview", "drilldown"];
  const samples: Record<string, number[]> = { overview: [], drilldown: [] };
  const errorSamples: string[] = [];
  let errors = 0;
  let sent = 0;

  // Warm-up: every view once (the overview and each BU's drill-down), so the measured minute is
  // the steady state between two ingestions, not the first computation of 40 pages at once.
  await (await fetch(`${baseUrl}${endpoints.overview()}`)).arrayBuffer();
  for (let u = 0; u < bus.length; u++) await (await fetch(`${baseUrl}${endpoints.drilldown(u)}`)).arrayBuffer();

  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  const user = async (u: number) => {
    for (let i = u % sequence.length; performance.now() < deadline && sent < MAX_REQUESTS; i++) {
      const name = sequence[i % sequence.length]!;
      sent++;
      const t = performance.now();
      try {
        const res = await fetch(`${baseUrl}${endpoints[name](u)}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        samples[name]!.push(performance.now() - t);
      } catch (error) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${name}: ${(error as Error).message}`);
        // A refused connection fails in microseconds: pause so a dead server is not hammered.
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  await Promise.all(Array.from({ length: opts.users }, (_, u) => user(u)));
  const seconds = (performance.now() - started) / 1000;
  const all = summarize([...samples.overview!, ...samples.drilldown!]);
  const result: LoadResult = {
    dataset,
    users: opts.users,
    seconds,
    requests: sent,
    errors,
    errorSamples,
    throughput: all.n / seconds,
    all,
    byEndpoint: { overview: summarize(samples.overview!), drilldown: summarize(samples.drilldown!) },
  };
  opts.log(`[load ${dataset}] ${opts.users} users, ${seconds.toFixed(0)} s: ${sent} requests (${result.throughput.toFixed(0)}/s), ${errors} errors; p95 ${all.p95.toFixed(0)} ms (overview ${result.byEndpoint.overview!.p95.toFixed(0)}, drill-down ${result.byEndpoint.drilldown!.p95.toFixed(0)})`);
  return result;
}
