// The alerts.deliver job on a real pg-boss queue: a producer's wake-up gets the message to the
// receiver within seconds (not at the next minute), the minute schedule is installed, and one
// run of the job drains more than one batch.
import { randomBytes } from "node:crypto";
import PgBoss from "pg-boss";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverAlertsJob } from "@/jobs/definitions/deliver-alerts";
import type { JobDefinition } from "@/jobs/definitions/types";
import { installJobSchedules, startJobWorkers } from "@/jobs/ingestion/queue-workers";
import { createChannel } from "@/lib/alerts/channel-store";
import { DELIVER_ALERTS_JOB, queueDeliveries } from "@/lib/alerts/outbox";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/support/webhook-receiver";
import { resetTables, testDb } from "../support/db";

const KEY = randomBytes(32);
process.env.ALERTS_SECRET_KEY = KEY.toString("hex");

const db = testDb();
const log = pino({ level: "silent" });
const payload = { summary: "1 new finding", lines: [{ text: "Key k1 has a public policy", severity: "critical" as const }] };
let receiver: WebhookReceiver;
let boss: PgBoss;

beforeAll(async () => {
  receiver = await startWebhookReceiver({ secret: "whsec-job-test-0123456789" });
  boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, max: 3 });
  await boss.start();
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await receiver.close();
  await db.$disconnect();
});
beforeEach(async () => {
  await resetTables(db);
  receiver.clear();
});

const channel = () => createChannel(db, { kind: "WEBHOOK", name: `hook-${Date.now()}`, url: receiver.url, signingSecret: receiver.secret }, "test", { current: KEY });

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("alerts.deliver", () => {
  it("is scheduled every minute and runs right after a producer queues with a wake-up", async () => {
    const jobs = [deliverAlertsJob] as unknown as JobDefinition[];
    await startJobWorkers(boss, jobs, { db, log, workerId: "test:1" });
    await installJobSchedules(boss, jobs, log);
    expect((await boss.getSchedules()).filter((s) => s.name === DELIVER_ALERTS_JOB).map((s) => s.cron)).toEqual(["* * * * *"]);

    const { id } = await channel();
    const [deliveryId] = await queueDeliveries(db, { kind: "FIRED", title: "New finding", payload, channelIds: [id] }, (name, data, options) => boss.send(name, data as object, options ?? {}));
    await until(() => receiver.delivered().length === 1, 15_000);
    expect(receiver.delivered()[0]!.signatureValid).toBe(true);
    expect(receiver.delivered()[0]!.headers["x-kms-finops-delivery"]).toBe(deliveryId);
    // The job records SENT once the receiver has answered.
    await until(async () => (await db.alertDelivery.findUniqueOrThrow({ where: { id: deliveryId! } })).status === "SENT", 5_000);
  });

  it("drains more than one batch in one run", async () => {
    const { id } = await channel();
    for (let i = 0; i < 60; i++) await queueDeliveries(db, { kind: "FIRED", title: `m${i}`, payload, channelIds: [id] });
    // Only this call sends: the first test's pollers and schedule are stopped.
    await boss.offWork(DELIVER_ALERTS_JOB);
    await boss.unschedule(DELIVER_ALERTS_JOB);
    await deliverAlertsJob.handler({}, { db, log, workerId: "test:2", send: async () => null });
    expect(await db.alertDelivery.count({ where: { status: "SENT" } })).toBe(60);
    const ids = receiver.delivered().map((r) => r.headers["x-kms-finops-delivery"]);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
  });
});
