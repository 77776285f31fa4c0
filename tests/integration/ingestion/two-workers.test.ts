// Two worker processes (`tsx jobs/worker.ts`) started at once share one run through the queue.
// Every unit job is sent twice, as a redelivery would: the claim lets each unit run once.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import PgBoss from "pg-boss";
import { env } from "@/lib/config/env";
import { parseIngestionConfig } from "@/lib/config/ingestion";
import { startRun } from "@/jobs/ingestion/start-run";
import { INGEST_UNIT_JOB } from "@/lib/ingestion/queue-names";
import { startAwsEndpoint, type AwsEndpoint } from "@/tests/aws-endpoint/server";
import { resetTables, testDb } from "../support/db";
import { EXPECTED, smallOrg } from "./org-fixture";
import { applyEnv, awsTestEnv, FAST_RETRY } from "./support";

const db = testDb();
let endpoint: AwsEndpoint;
let restoreEnv: () => void;
const workers: ChildProcess[] = [];
const output: string[] = [];

beforeAll(async () => {
  await resetTables(db);
  // Some latency so that units overlap and both workers get a share.
  endpoint = await startAwsEndpoint(smallOrg(), { quotas: true, delayMs: 15 });
  const env = awsTestEnv(endpoint.url, { INGEST_UNIT_CONCURRENCY: "1", LOG_LEVEL: "info" });
  restoreEnv = applyEnv(env);
  for (let i = 0; i < 2; i++) {
    const child = spawn("npx", ["--no-install", "tsx", "jobs/worker.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    child.stdout!.on("data", (d: Buffer) => output.push(`[w${i}] ${d}`));
    child.stderr!.on("data", (d: Buffer) => output.push(`[w${i}] ${d}`));
    workers.push(child);
  }
});
afterAll(async () => {
  for (const w of workers) if (w.pid) process.kill(-w.pid, "SIGTERM");
  await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.on("exit", r)))));
  restoreEnv();
  await endpoint.close();
  await db.$disconnect();
});

/** Both workers polling the queue: sending earlier lets a fast starter take every unit alone. */
async function bothWorkersStarted(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((output.join("").match(/"msg":"worker started"/g) ?? []).length < workers.length) {
    if (Date.now() > deadline) throw new Error(`workers did not start:\n${output.join("")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("two workers", () => {
  it("process one run without duplicates and with complete results", async () => {
    await bothWorkersStarted(60_000);
    const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, max: 2 });
    await boss.start();
    await boss.createQueue(INGEST_UNIT_JOB);
    // Every unit once, then every unit again (a redelivery): sent pairwise, the two workers would
    // alternate and one would only ever see the duplicates.
    const redeliveries: [string, unknown][] = [];
    const sendAndRemember = async (id: string, payload: unknown) => {
      redeliveries.push([id, payload]);
      return boss.send(id, payload as object, { retryLimit: 0 });
    };
    const started = await startRun(db, sendAndRemember, { trigger: "CLI" }, env(parseIngestionConfig), FAST_RETRY);
    for (const [id, payload] of redeliveries) await boss.send(id, payload as object, { retryLimit: 0 });
    await boss.stop({ graceful: true });

    const deadline = Date.now() + 90_000;
    let run = await db.ingestionRun.findUniqueOrThrow({ where: { id: started.runId }, include: { units: true } });
    while (!(run.finishedAt && (run.scope as { rollups?: string }).rollups === "done") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      run = await db.ingestionRun.findUniqueOrThrow({ where: { id: started.runId }, include: { units: true } });
    }
    if (!run.finishedAt) console.error(output.join(""));
    expect(run.status).toBe("SUCCEEDED");
    expect(run.units).toHaveLength(EXPECTED.inventoryUnits + 1);
    expect(new Set(run.units.map((u) => u.workerId)).size).toBe(2);
    // Each unit's work happened once: per-unit request counts match a single pass.
    expect(run.units.reduce((n, u) => n + u.keysCount, 0)).toBe(EXPECTED.keys);

    const current = { validTo: new Date("9999-12-31T00:00:00Z") };
    expect(await db.kmsKeyVersion.count({ where: current })).toBe(EXPECTED.keys);
    expect(await db.storageResourceVersion.count({ where: current })).toBe(EXPECTED.resources);
    expect(await db.storageResourceVersion.count()).toBe(EXPECTED.resources); // no duplicate versions
    // The redeliveries were queued last: give the workers time to see (and skip) every one.
    const skips = () => (output.join("").match(/unit already claimed by another worker/g) ?? []).length;
    const skipDeadline = Date.now() + 30_000;
    while (skips() < EXPECTED.inventoryUnits + 1 && Date.now() < skipDeadline) await new Promise((r) => setTimeout(r, 250));
    expect(skips()).toBe(EXPECTED.inventoryUnits + 1); // every duplicate delivery was skipped
    expect(await db.storageResourceVersion.count()).toBe(EXPECTED.resources); // and wrote nothing
  });
});
