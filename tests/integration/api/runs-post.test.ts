import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/runs/route";
import { closeQueueClient } from "@/lib/ingestion/queue-client";
import { earliestCostDay, UI_RUNS_PER_HOUR } from "@/lib/ingestion/run-admission";
import { resetTables, testDb } from "../support/db";

// Behind the access layer as the AUTH_MODE=none local admin (access is tests/integration/auth).
process.env.AUTH_MODE ??= "none";

const db = testDb();
const KNOWN = "111122223333";
beforeAll(() => resetTables(db));
beforeEach(async () => {
  await resetTables(db);
  await db.account.create({ data: { accountId: KNOWN, name: "payments-prod", organizationalUnit: "", firstSeenAt: new Date(), lastSeenAt: new Date() } });
  const queue = await db.$queryRawUnsafe<{ t: string | null }[]>(`SELECT to_regclass('pgboss.job')::text AS t`);
  if (queue[0]?.t) await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'ingest.run'`);
});
afterAll(async () => {
  await closeQueueClient();
  await db.$disconnect();
});

const post = (body: string) => POST(new Request("http://x/api/runs", { method: "POST", body, headers: { "content-type": "application/json", origin: "http://x" } }));
const queuedRunJobs = async () => (await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'ingest.run'`))[0]!.n;

describe("POST /api/runs", () => {
  it("queues one ingest.run job with the UI trigger, never retried by the queue", async () => {
    const res = await post(JSON.stringify({ accounts: [KNOWN], regions: ["eu-west-1"] }));
    expect(res.status).toBe(202);
    const body = (await res.json()) as { jobId: string; request: unknown };
    expect(body.request).toEqual({ trigger: "UI", accounts: [KNOWN], regions: ["eu-west-1"] });
    const jobs = await db.$queryRawUnsafe<{ name: string; data: unknown; retry_limit: number }[]>(`SELECT name, data, retry_limit FROM pgboss.job WHERE id = $1::uuid`, body.jobId);
    expect(jobs).toEqual([{ name: "ingest.run", data: { trigger: "UI", accounts: [KNOWN], regions: ["eu-west-1"] }, retry_limit: 0 }]);
    const audit = await db.auditLog.findMany({ where: { action: "run.start" } });
    expect(audit.map((a) => [a.actorName, a.target, a.after])).toEqual([["local (AUTH_MODE=none)", body.jobId, body.request]]);
  });

  it("answers 400 naming the bad field, and queues nothing", async () => {
    const cases: [string, string][] = [
      [JSON.stringify({ accounts: ["12345"] }), "accounts.0: must be a 12-digit account id"],
      [JSON.stringify({ trigger: "SCHEDULE" }), "trigger: is not a known parameter"],
      [JSON.stringify({ colour: "blue" }), "colour: is not a known parameter"],
      [JSON.stringify({ accounts: [KNOWN, "999988887777"] }), "accounts: 999988887777 is not in INGEST_ACCOUNTS or the organization's accounts"],
      [JSON.stringify({ since: "2020-01-01" }), `since: must be a day from ${earliestCostDay(new Date())}`],
      [JSON.stringify({ since: "2999-01-01" }), "since: must be a day from"],
      ["not json", "body: must be a JSON object"],
    ];
    for (const [body, message] of cases) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(message);
    }
    expect(await db.account.count()).toBe(1); // no junk account rows
    const queue = await db.$queryRawUnsafe<{ t: string | null }[]>(`SELECT to_regclass('pgboss.job')::text AS t`);
    if (queue[0]?.t) expect(await queuedRunJobs()).toBe(0n);
  });

  it("accepts since on the first day Cost Explorer still has", async () => {
    const res = await post(JSON.stringify({ since: earliestCostDay(new Date()) }));
    expect(res.status).toBe(202);
  });

  it("answers 409 with the pending run while one is queued or running", async () => {
    expect((await post("{}")).status).toBe(202);
    const second = await post("{}");
    expect(second.status).toBe(409);
    const body = (await second.json()) as { error: { code: string; message: string }; run: { runId: string | null; status: string } };
    expect(body.error.code).toBe("conflict");
    expect(body.run).toMatchObject({ runId: null, status: "QUEUED" });
    expect(await queuedRunJobs()).toBe(1n);

    await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'ingest.run'`);
    const running = await db.ingestionRun.create({ data: { trigger: "SCHEDULE", snapshotDay: new Date("2026-03-01"), status: "RUNNING", startedAt: new Date() } });
    const third = await post("{}");
    expect(third.status).toBe(409);
    expect(((await third.json()) as { run: unknown }).run).toMatchObject({ runId: running.id, status: "RUNNING" });
  });

  it(`limits users to ${UI_RUNS_PER_HOUR} runs per hour with 429 and Retry-After`, async () => {
    const now = Date.now();
    for (let i = 0; i < UI_RUNS_PER_HOUR; i++) {
      // The oldest of the hour was requested 50 minutes ago: the next slot opens in ~10 minutes.
      const at = new Date(now - (50 - i) * 60_000);
      await db.ingestionRun.create({ data: { trigger: "UI", snapshotDay: new Date("2026-03-01"), status: "SUCCEEDED", requestedAt: at, startedAt: at, finishedAt: at } });
    }
    const res = await post("{}");
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(590);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });
});
