// A settings save off the request path (issue 17 item 4): PUT /api/settings stores the settings
// and queues rollups.recompute, answering before anything is recomputed; the figures served
// meanwhile, and while the job's transaction is open, are the previous ones; once the real job
// handler has run they follow the new settings. Saves coalesce; a failed recompute keeps the
// previous figures and says why.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as noncompliant } from "@/app/api/noncompliant/route";
import { GET as bucketKeys } from "@/app/api/savings/bucket-keys/route";
import { GET as getSettings, PUT as putSettings } from "@/app/api/settings/route";
import { readDataGeneration } from "@/lib/db/generation";
import { loadDemo } from "@/lib/demo/load";
import { addDays } from "@/lib/domain/days";
import { closeQueueClient } from "@/lib/ingestion/queue-client";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { recomputeUnserved } from "@/lib/settings/recompute-status";
import { resetTables, testDb } from "../support/db";
import { expectedNonCompliant } from "../support/expected-non-compliant";
import { runSettingsRecompute } from "../support/settings-recompute";
import { call } from "./call";

const db = testDb();
const END = "2026-03-31";
const DAY = addDays(END, -250);

beforeAll(async () => {
  await resetTables(db);
  await loadDemo(db, { seed: 42, scale: "small", endDay: END }, defaultPolicySettings);
  // Jobs earlier test files queued on the shared scratch database.
  const [queue] = await db.$queryRawUnsafe<{ t: string | null }[]>(`SELECT to_regclass('pgboss.job')::text AS t`);
  if (queue?.t) await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'rollups.recompute'`);
});
afterAll(async () => {
  await closeQueueClient();
  await db.$disconnect();
});

/** Non-compliant resources on DAY under these classifications, from raw tags. */
const expectedOnDay = (classifications: string[]) => expectedNonCompliant(db, DAY, classifications);
const served = async () => (await call(noncompliant, `/api/noncompliant?from=${DAY}&to=${DAY}`)).body.points[0].total as number;
const recompute = async () => (await call(getSettings, "/api/settings")).body.recompute;
const put = (body: object) => call(putSettings, "/api/settings", { method: "PUT", body });
const queuedJobs = async () =>
  db.$queryRawUnsafe<{ data: unknown; retry_limit: number }[]>(`SELECT data, retry_limit FROM pgboss.job WHERE name = 'rollups.recompute' AND state = 'created'`);

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Holds back the recompute's transaction at the coverage rollup (after it rewrote the history):
 * a second connection keeps coverage_bu_daily from being written until released.
 */
async function holdCoverageRollup(): Promise<{ waiting: () => Promise<void>; release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("BEGIN");
  await client.query("LOCK TABLE coverage_bu_daily IN SHARE MODE");
  return {
    waiting: () =>
      until(async () => {
        const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'coverage_bu_daily'::regclass`);
        return rows[0]!.n > 0;
      }, "the recompute to reach the coverage rollup"),
    release: async () => {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

describe("PUT /api/settings with a change that rewrites history", () => {
  it("answers before the recompute, serves the previous figures until the job commits, then the new ones", async () => {
    const before = await served();
    expect(before).toBe(await expectedOnDay(["confidential", "restricted"]));
    const after = await expectedOnDay(["internal"]);
    expect(after).not.toBe(before);

    const saved = await put({ cmkRequiredClassifications: ["internal"] });
    expect(saved.status).toBe(200);
    expect(saved.body.changed).toEqual(["cmkRequiredClassifications"]);
    expect(saved.body.recomputed).toEqual(["compliance"]);
    expect(saved.body.recompute).toMatchObject({ state: "queued", startedAt: null, finishedAt: null, error: null });
    expect(await queuedJobs()).toEqual([{ data: { reason: "settings" }, retry_limit: 0 }]);
    // Saved, not yet recomputed: the settings are the new ones, the figures the previous ones.
    expect((await call(getSettings, "/api/settings")).body.settings.cmkRequiredClassifications).toEqual(["internal"]);
    expect(await served()).toBe(before);

    const generation = await readDataGeneration(db);
    const hold = await holdCoverageRollup();
    const job = runSettingsRecompute(db);
    await hold.waiting();
    // Mid-recompute (history rewritten, rollups half done, nothing committed): previous figures,
    // and the data generation has not moved (it is drawn at commit), so responses cached for it
    // are still served rather than recomputed on every request.
    expect(await recompute()).toMatchObject({ state: "running", finishedAt: null });
    expect(await served()).toBe(before);
    expect(await readDataGeneration(db)).toEqual(generation);
    await hold.release();
    await job;

    expect(BigInt((await readDataGeneration(db)).generation)).toBeGreaterThan(BigInt(generation.generation));
    expect(await served()).toBe(after);
    const done = await recompute();
    expect(done).toMatchObject({ state: "done", error: null });
    expect(Date.parse(done.finishedAt)).toBeGreaterThanOrEqual(Date.parse(done.startedAt));
  });

  it("coalesces saves: one recompute covers them all with the latest settings, a save during a run is recomputed after it", async () => {
    await put({ cmkRequiredClassifications: ["restricted"] });
    await put({ cmkRequiredClassifications: ["confidential"] });
    await runSettingsRecompute(db);
    expect(await served()).toBe(await expectedOnDay(["confidential"]));
    expect((await recompute()).state).toBe("done");
    // The second save's job finds its request covered.
    await runSettingsRecompute(db);
    expect((await recompute()).state).toBe("done");

    const hold = await holdCoverageRollup();
    await put({ cmkRequiredClassifications: ["internal"] });
    const job = runSettingsRecompute(db);
    await hold.waiting();
    await put({ cmkRequiredClassifications: ["restricted"] });
    await hold.release();
    await job;
    // The run covered the save it started with; the later one waits for its own job.
    expect((await recompute()).state).toBe("queued");
    await runSettingsRecompute(db);
    expect(await served()).toBe(await expectedOnDay(["restricted"]));
    expect((await recompute()).state).toBe("done");
  });

  it("keeps the previous figures when the recompute fails, and says why", async () => {
    const before = await served();
    // Any statement of the recompute failing rolls back all of it: here its last rollup's insert.
    await db.$executeRawUnsafe(`ALTER TABLE key_provisioning ADD CONSTRAINT test_refuse CHECK (key_arn = '') NOT VALID`);
    try {
      await put({ cmkRequiredClassifications: ["confidential", "restricted"] });
      await expect(runSettingsRecompute(db)).rejects.toThrow(/test_refuse/);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE key_provisioning DROP CONSTRAINT test_refuse`);
    }
    expect(await served()).toBe(before);
    const failed = await recompute();
    expect(failed).toMatchObject({ state: "failed" });
    expect(failed.error).toContain("test_refuse");

    // The next save retries what the failed one asked for too.
    await put({ unusedKeyDays: 60 });
    await runSettingsRecompute(db);
    expect(await served()).toBe(await expectedOnDay(["confidential", "restricted"]));
    expect(await recompute()).toMatchObject({ state: "done", error: null });
  });

  it("tells a starting worker about a request no job serves", async () => {
    await put({ unusedKeyDays: 45 });
    expect(await recomputeUnserved(db)).toBe(true);
    await runSettingsRecompute(db);
    expect(await recomputeUnserved(db)).toBe(false);
  });

  it("reprices the stored Bucket Key savings off the request path when the expected reduction changes", async () => {
    await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'rollups.recompute'`);
    const savings = async () => (await call(bucketKeys, "/api/savings/bucket-keys?pageSize=1")).body;
    const before = await savings();
    expect(before.reduction).toBe(0.97);
    const saved = await put({ bucketKeyReduction: 0.485 });
    expect(saved.body.recomputed).toEqual(["savings"]);
    expect(saved.body.recompute.state).toBe("queued");
    expect(await queuedJobs()).toHaveLength(1);
    // Until the job runs, the figures priced with the previous reduction.
    expect(await savings()).toEqual(before);
    await runSettingsRecompute(db);
    const after = await savings();
    // Half the reduction, half the savings of the top bucket (rounded to the API's 10 decimals).
    expect(after.reduction).toBe(0.485);
    expect(after.items[0].resourceArn).toBe(before.items[0].resourceArn);
    expect(after.items[0].monthlySavings).toBeCloseTo(before.items[0].monthlySavings / 2, 9);
    expect(await recompute()).toMatchObject({ state: "done", error: null });
  });
});
