import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/runs/route";
import { closeQueueClient } from "@/lib/ingestion/queue-client";
import { resetTables, testDb } from "../support/db";

// Behind the access layer as the AUTH_MODE=none local admin (access is tests/integration/auth).
process.env.AUTH_MODE ??= "none";

const db = testDb();
beforeAll(() => resetTables(db));
afterAll(async () => {
  await closeQueueClient();
  await db.$disconnect();
});

const post = (body: string) => POST(new Request("http://x/api/runs", { method: "POST", body, headers: { "content-type": "application/json", origin: "http://x" } }));

describe("POST /api/runs", () => {
  it("queues an ingest.run job for the worker with the UI trigger", async () => {
    const res = await post(JSON.stringify({ accounts: ["111122223333"], regions: ["eu-west-1"] }));
    expect(res.status).toBe(202);
    const body = (await res.json()) as { jobId: string; request: unknown };
    expect(body.request).toEqual({ trigger: "UI", accounts: ["111122223333"], regions: ["eu-west-1"] });
    const jobs = await db.$queryRawUnsafe<{ name: string; data: unknown }[]>(`SELECT name, data FROM pgboss.job WHERE id = $1::uuid`, body.jobId);
    expect(jobs).toEqual([{ name: "ingest.run", data: { trigger: "UI", accounts: ["111122223333"], regions: ["eu-west-1"] } }]);
    const audit = await db.auditLog.findMany({ where: { action: "run.start" } });
    expect(audit.map((a) => [a.actorName, a.target, a.after])).toEqual([["local (AUTH_MODE=none)", body.jobId, body.request]]);
  });

  it("answers 400 naming the bad field, and queues nothing", async () => {
    const before = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'ingest.run'`);
    const res = await post(JSON.stringify({ accounts: ["12345"] }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "bad_request", message: "accounts.0: must be a 12-digit account id" } });
    expect((await post("not json")).status).toBe(400);
    expect((await post(JSON.stringify({ colour: "blue" }))).status).toBe(400);
    const after = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'ingest.run'`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
