// What the access check adds to a cached GET /api/overview over HTTP, the issue's budget being
// ≤ 2 ms p95: two `next start` servers of the same build on the same dataset, one AUTH_MODE=none
// (no check: the fixed local admin), one AUTH_MODE=oidc, called with a session cookie and with a
// bearer API token (both made straight in the database, bench/lib/credentials.ts). After warming
// each server's per-generation cache, the three kinds of request take turns one after another, so
// a burst of load on this shared machine hits all three alike. The bodies must be identical:
// the same cached overview, so the difference is the access layer.
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { createDb } from "@/lib/db/client";
import { benchCredentials } from "./lib/credentials";
import { startApp, type RunningApp } from "./lib/next-app";
import { summarize, type Summary } from "./lib/stats";

export interface AuthHttpResult {
  dataset: string;
  runs: number;
  responseBytes: number;
  none: Summary;
  session: Summary;
  bearer: Summary;
  /** p95 with the credential minus p95 of AUTH_MODE=none over all requests, ms. */
  addedP95: { session: number; bearer: number };
  /** The same difference within each block of rounds, then its median over the blocks, ms (see blockedAddedP95). */
  addedP95Blocked: { session: number; bearer: number; blocks: number };
}

/** Rounds are measured in this many consecutive blocks. */
export const BLOCKS = 10;

/**
 * The median over blocks of (p95 with the credential − p95 without) within each block. On this
 * shared 2-core machine a burst of other work lasts seconds and lands in whichever requests run
 * then, moving the overall p95 by several ms either way; within a block the three kinds of
 * request share the same conditions, and the median ignores the blocks a burst spoiled.
 */
export function blockedAddedP95(withCheck: number[][], without: number[][]): number {
  const p95 = (xs: number[]) => summarize(xs).p95;
  const diffs = withCheck.map((block, i) => p95(block) - p95(without[i]!));
  return summarize(diffs).median;
}

// The server needs a well-formed OIDC configuration to start; no sign-in happens here, so the
// issuer is never contacted.
const OIDC_ENV = { AUTH_MODE: "oidc", APP_URL: "http://127.0.0.1", OIDC_ISSUER: "http://127.0.0.1:9/bench", OIDC_CLIENT_ID: "bench", OIDC_CLIENT_SECRET: "bench" };

type Caller = { name: "none" | "session" | "bearer"; app: RunningApp; headers: Record<string, string> };

async function get(caller: Caller): Promise<{ ms: number; body: string }> {
  const t = performance.now();
  const response = await fetch(`${caller.app.baseUrl}/api/overview`, { headers: caller.headers });
  const body = await response.text();
  const ms = performance.now() - t;
  if (response.status !== 200) throw new Error(`${caller.name}: /api/overview answered ${response.status}: ${body.slice(0, 200)}`);
  return { ms, body };
}

export async function benchAuthHttp(
  databaseUrl: string,
  dataset: string,
  opts: { runs: number; build: boolean; smoke: boolean; log: (m: string) => void },
): Promise<AuthHttpResult | null> {
  const db = createDb(databaseUrl, 2);
  const { session, token } = await benchCredentials(db).finally(() => db.$disconnect());
  const open = await startApp(databaseUrl, { build: opts.build, smoke: opts.smoke, log: opts.log, env: { AUTH_MODE: "none" } });
  if (!open) return null;
  const gated = await startApp(databaseUrl, { build: false, smoke: opts.smoke, log: opts.log, env: OIDC_ENV }).catch(async (e: unknown) => {
    await open.stop();
    throw e;
  });
  try {
    const callers: Caller[] = [
      { name: "none", app: open, headers: {} },
      { name: "session", app: gated!, headers: { cookie: `${SESSION_COOKIE}=${session}` } },
      { name: "bearer", app: gated!, headers: { authorization: `Bearer ${token}` } },
    ];
    // Warm-up: the first call computes the overview (per server), the next ones fill the JIT.
    const bodies = await Promise.all(callers.map(async (c) => (await get(c)).body));
    if (new Set(bodies).size !== 1) throw new Error("the three callers were not served the same overview");
    for (let i = 0; i < 20; i++) for (const c of callers) await get(c);
    const blocks: Record<Caller["name"], number[][]> = { none: [], session: [], bearer: [] };
    const perBlock = Math.ceil(opts.runs / BLOCKS);
    for (let i = 0; i < opts.runs; i++) {
      if (i % perBlock === 0) for (const c of callers) blocks[c.name].push([]);
      // The order rotates each round: none of the three always follows the same one.
      for (let k = 0; k < callers.length; k++) {
        const c = callers[(i + k) % callers.length]!;
        blocks[c.name].at(-1)!.push((await get(c)).ms);
      }
    }
    const [none, sessionS, bearer] = [summarize(blocks.none.flat()), summarize(blocks.session.flat()), summarize(blocks.bearer.flat())];
    const result: AuthHttpResult = {
      dataset,
      runs: opts.runs,
      responseBytes: Buffer.byteLength(bodies[0]!),
      none,
      session: sessionS,
      bearer,
      addedP95: { session: sessionS.p95 - none.p95, bearer: bearer.p95 - none.p95 },
      addedP95Blocked: { session: blockedAddedP95(blocks.session, blocks.none), bearer: blockedAddedP95(blocks.bearer, blocks.none), blocks: blocks.none.length },
    };
    const row = (name: string, s: Summary) => `${name} p50 ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`;
    opts.log(`[auth-http ${dataset}] ${opts.runs} each: ${row("none", none)}; ${row("session", sessionS)}; ${row("bearer", bearer)}`);
    const added = (x: { session: number; bearer: number }) => `session ${x.session.toFixed(2)} ms, bearer ${x.bearer.toFixed(2)} ms`;
    opts.log(`[auth-http ${dataset}] the access check adds p95: ${added(result.addedP95)} overall; ${added(result.addedP95Blocked)} as the median over ${result.addedP95Blocked.blocks} blocks (budget 2 ms)`);
    return result;
  } finally {
    await gated?.stop();
    await open.stop();
  }
}
