// Filtered, sorted pages of 50 non-compliant resources and of keys, through the route handlers
// in-process. Filter values (a business unit, a finding code) are read from the dataset so the
// pages are never empty by accident.
import pg from "pg";
import { withClient } from "./lib/bench-db";
import { callRoute, releaseAppDatabase, pointAppAt } from "./lib/inprocess";
import { bumpGeneration } from "./lib/generation";
import { summarize, type Summary } from "./lib/stats";

// The handlers sit behind the access layer; benches measure them as the AUTH_MODE=none local admin.
process.env.AUTH_MODE ??= "none";

export interface PageResult {
  dataset: string;
  name: string;
  path: string;
  total: number;
  summary: Summary;
}

async function filterValues(url: string): Promise<{ bu: string; finding: string; account: string }> {
  return withClient(url, async (c) => {
    const bu = await c.query<{ business_unit: string }>(
      `SELECT business_unit FROM coverage_bu_daily WHERE day = (SELECT max(day) FROM coverage_bu_daily) AND business_unit <> ''
       ORDER BY resources DESC LIMIT 1`,
    );
    const finding = await c.query<{ code: string }>("SELECT code FROM key_finding GROUP BY code ORDER BY count(*) DESC LIMIT 1");
    const account = await c.query<{ account_id: string }>("SELECT account_id FROM account ORDER BY account_id LIMIT 1");
    return { bu: bu.rows[0]?.business_unit ?? "payments", finding: finding.rows[0]?.code ?? "UNUSED", account: account.rows[0]?.account_id ?? "111122223333" };
  });
}

export function pagePaths(v: { bu: string; finding: string; account: string }): { name: string; route: "resources" | "inScope" | "keys"; path: string }[] {
  const bu = encodeURIComponent(v.bu);
  return [
    { name: "non-compliant, default (since)", route: "resources", path: "/api/resources/noncompliant?pageSize=50" },
    { name: "non-compliant, BU + EBS/RDS, by size desc", route: "resources", path: `/api/resources/noncompliant?bu=${bu}&service=EBS,RDS&sort=-size&pageSize=50` },
    { name: "non-compliant, 2 reasons, by name, page 3", route: "resources", path: "/api/resources/noncompliant?reason=AWS_MANAGED_KEY,SSE_S3&sort=name&page=3&pageSize=50" },
    { name: "non-compliant, account, search, by BU", route: "resources", path: `/api/resources/noncompliant?account=${v.account}&search=prod&sort=bu&pageSize=50` },
    // Every in-scope resource not on a CMK: the coverage tiles' lists (by count: by name; by storage: by size).
    { name: "not on a CMK, default (name)", route: "inScope", path: "/api/resources?encryption=NONE,SSE_S3,AWS_MANAGED_KMS,UNKNOWN&pageSize=50" },
    { name: "not on a CMK, by size desc", route: "inScope", path: "/api/resources?encryption=NONE,SSE_S3,AWS_MANAGED_KMS,UNKNOWN&sort=-size&pageSize=50" },
    { name: "not on a CMK, BU, compliant, page 3", route: "inScope", path: `/api/resources?encryption=NONE,SSE_S3,AWS_MANAGED_KMS,UNKNOWN&bu=${bu}&compliance=compliant&page=3&pageSize=50` },
    { name: "keys, customer managed, by resources desc", route: "keys", path: "/api/keys?manager=CUSTOMER&sort=-resources&pageSize=50" },
    { name: "keys, finding + BU, by created", route: "keys", path: `/api/keys?finding=${v.finding}&bu=${bu}&sort=created&pageSize=50` },
    { name: "keys, search alias, by findings desc", route: "keys", path: "/api/keys?search=prod&sort=-findings&pageSize=50" },
    { name: "keys, by modeled monthly cost desc", route: "keys", path: "/api/keys?sort=-modeled&pageSize=50" },
  ];
}

export async function benchPages(url: string, dataset: string, opts: { runs: number; log: (m: string) => void }): Promise<PageResult[]> {
  const values = await filterValues(url);
  await pointAppAt(url);
  const handlers = {
    resources: (await import("@/app/api/resources/noncompliant/route")).GET,
    inScope: (await import("@/app/api/resources/route")).GET,
    keys: (await import("@/app/api/keys/route")).GET,
  };
  const results: PageResult[] = [];
  // The routes keep each page per data generation (lib/api/generation-cache.ts): a new generation
  // before every call, outside the timing, so each sample is the query itself, never a cache hit.
  const bumper = new pg.Pool({ connectionString: url, max: 1 });
  const uncached = (handler: Parameters<typeof callRoute>[0], path: string) => async () => {
    await bumpGeneration(bumper);
    const t = performance.now();
    await callRoute(handler, path);
    return performance.now() - t;
  };
  try {
    for (const p of pagePaths(values)) {
      const handler = handlers[p.route];
      const first = JSON.parse((await callRoute(handler, p.path)).body) as { total: number };
      const call = uncached(handler, p.path);
      for (let i = 0; i < 3; i++) await call(); // warm-up
      const samples: number[] = [];
      const deadline = performance.now() + 60_000;
      while (samples.length < opts.runs && performance.now() < deadline) samples.push(await call());
      const summary = summarize(samples);
      opts.log(`[pages ${dataset}] ${p.name}: median ${summary.median.toFixed(1)} ms, p95 ${summary.p95.toFixed(1)} ms (total ${first.total})`);
      results.push({ dataset, name: p.name, path: p.path, total: first.total, summary });
    }
  } finally {
    await bumper.end();
    await releaseAppDatabase();
  }
  return results;
}
