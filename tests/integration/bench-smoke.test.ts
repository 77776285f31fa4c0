// Smoke test of the benchmark scripts (`npm run bench -- all --tiny`), so they do not rot: a tiny
// demo organization in a database of its own on the DATABASE_URL server, every benchmark with a
// few iterations, and checks that what they measured is consistent with the data.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

const prefix = `kmsfinops_bench_${randomBytes(4).toString("hex")}`;
let resultsDir = "";

async function result<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(path.join(resultsDir, `${name}.json`), "utf8")) as T;
}

afterAll(async () => {
  const admin = new URL(process.env.DATABASE_URL!);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  for (const db of [`${prefix}_tiny`, `${prefix}_tiny_settings`, `${prefix}_org`, `${prefix}_history_1d`, `${prefix}_history_365d`]) await client.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  await client.end();
  if (resultsDir) await rm(resultsDir, { recursive: true, force: true });
});

describe("npm run bench -- all --tiny", () => {
  it("generates the tiny dataset and runs every benchmark on it", async () => {
    resultsDir = await mkdtemp(path.join(tmpdir(), "bench-smoke-"));
    await new Promise<void>((resolve, reject) => {
      execFile("npx", ["--no-install", "tsx", "bench/run.ts", "all", "--tiny"], { env: { ...process.env, BENCH_DB_PREFIX: prefix, BENCH_RESULTS_DIR: resultsDir }, maxBuffer: 16 * 2 ** 20 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`)) : resolve(),
      );
    });

    // 2,000 resources alive on the last day: the overview's tile and the snapshot-table query agree on it.
    const overview = await result<{ api: { n: number }; agree: { apiLastDayResources: number; snapshotLastDayResources: number } }[]>("overview-tiny");
    expect(overview[0]!.agree.apiLastDayResources).toBe(2000);
    expect(overview[0]!.agree.snapshotLastDayResources).toBe(2000);
    expect(overview[0]!.api.n).toBe(3);

    // The export streamed every row of the 13 months, as many as psql's COPY did.
    const csv = await result<{ rowsInDb: number; exportRuns: { rows: number }[]; copyRuns: { rows: number }[] }>("csv-tiny");
    expect(csv.rowsInDb).toBeGreaterThan(0);
    expect(csv.exportRuns[0]!.rows).toBe(csv.rowsInDb);
    expect(csv.copyRuns[0]!.rows).toBe(csv.rowsInDb);

    // 2,000 resources + 1% a day over 364 days = 2,000 + 7,280 versions; 40 keys + floor(364 × 0.4) = 185.
    const history = await result<{ oneDay: { resourceVersions: number }; oneYear: { resourceVersions: number; keyVersions: number }; ratio: number }>("history-tiny");
    expect(history.oneDay.resourceVersions).toBe(2000);
    expect(history.oneYear.resourceVersions).toBe(9280);
    expect(history.oneYear.keyVersions).toBe(185);
    expect(history.ratio).toBeGreaterThan(1);

    const pages = await result<{ name: string; total: number }[]>("pages-tiny");
    expect(pages).toHaveLength(11);
    // The coverage tiles' two orders of the same resources (not on a CMK): one total, some of the 2,000.
    const notOnACmk = pages.filter((p) => p.name.startsWith("not on a CMK, ")).map((p) => p.total);
    expect(notOnACmk[0]).toBe(notOnACmk[1]);
    expect(notOnACmk[0]).toBeGreaterThan(0);
    expect(notOnACmk[0]).toBeLessThan(2000);
    const customerManaged = pages.find((p) => p.name.startsWith("keys, customer managed"))!.total;
    expect(customerManaged).toBe(60);
    // The unfiltered list sorted by modeled cost holds every key: the 60 customer managed and more.
    expect(pages.find((p) => p.name.startsWith("keys, by modeled monthly cost"))!.total).toBeGreaterThan(customerManaged);

    // A business-unit tag key change: the worker recomputed it, every overview served meanwhile
    // was the previous one, and afterwards the business units are the new key's (cost centers).
    const settings = await result<{ tagKey: { to: string }; idle: { n: number }; duringSameAsBefore: boolean; changedAfter: boolean; recomputeSeconds: number; businessUnits: { before: string[]; after: string[] } }>("settings-recompute-tiny");
    expect(settings.tagKey.to).toBe("cost-center");
    expect(settings.idle.n).toBe(3);
    expect(settings.duringSameAsBefore).toBe(true);
    expect(settings.changedAfter).toBe(true);
    expect(settings.recomputeSeconds).toBeGreaterThan(0);
    expect(settings.businessUnits.after.filter((bu) => bu !== "").every((bu) => bu.startsWith("CC-"))).toBe(true);
    expect(settings.businessUnits.after).not.toEqual(settings.businessUnits.before);

    // 3 accounts × 4 regions + the cost unit, twice; nothing throttled, every request counted.
    const org = await result<{ runs: { label: string; status: string; units: { total: number; succeeded: number }; throttled: number; failed: number; requests: { summary: number; endpoint: number; mismatched: unknown[] }; largest: { startedAfterSeconds: number } }[] }>("org-ingestion-tiny");
    expect(org.runs.map((r) => [r.label, r.status, r.units.total, r.units.succeeded, r.throttled, r.failed])).toEqual([
      ["first run", "SUCCEEDED", 13, 13, 0, 0],
      ["daily run", "SUCCEEDED", 13, 13, 0, 0],
    ]);
    for (const run of org.runs) {
      expect(run.requests.summary).toBe(run.requests.endpoint);
      expect(run.requests.mismatched).toEqual([]);
    }
  });
});
