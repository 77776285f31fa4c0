// The whole chain on a real pg-boss queue, a real webhook receiver and the real rollups: a key in
// use is scheduled for deletion, rollups.recompute turns that into a critical finding and sends
// alerts.evaluate, which queues one message and wakes alerts.deliver, which posts it signed. The
// receiver gets ONE message naming the key and linking to it; a second recompute sends nothing.
import { randomBytes } from "node:crypto";
import PgBoss from "pg-boss";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { deliverAlertsJob } from "@/jobs/definitions/deliver-alerts";
import { evaluateAlertsJob } from "@/jobs/definitions/evaluate-alerts";
import { recomputeRollupsJob } from "@/jobs/definitions/recompute-rollups";
import type { JobDefinition } from "@/jobs/definitions/types";
import { startJobWorkers } from "@/jobs/ingestion/queue-workers";
import { createChannel } from "@/lib/alerts/channel-store";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/support/webhook-receiver";
import { resetTables, testDb } from "../support/db";
import { APP_URL, arn, day, key, rule } from "./rule-fixtures";

const KEY = randomBytes(32);
process.env.ALERTS_SECRET_KEY = KEY.toString("hex");
process.env.APP_URL = APP_URL;
const db = testDb();
let receiver: WebhookReceiver;
let boss: PgBoss;

beforeAll(async () => {
  await resetTables(db);
  receiver = await startWebhookReceiver({ secret: "whsec-evaluate-job-0123456789" });
  boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, max: 3 });
  await boss.start();
  const jobs = [recomputeRollupsJob, evaluateAlertsJob, deliverAlertsJob] as unknown as JobDefinition[];
  await startJobWorkers(boss, jobs, { db, log: pino({ level: "silent" }), workerId: "test:1" });
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await receiver.close();
  await db.$disconnect();
});

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const recompute = () => boss.send("rollups.recompute", { fromDay: "2026-12-04", toDay: "2026-12-04" });
const evaluations = () => db.alertCondition.count();

it("a key in use scheduled for deletion reaches the webhook receiver once, naming the key and linking to it", async () => {
  const keyArn = await key(db, 7, "Payments", "alias/prod-pay-ledger");
  await db.storageResourceVersion.create({
    data: {
      resourceArn: "arn:aws:s3:::payments-ledger", accountId: "111122223333", region: "eu-west-1", service: "S3", name: "payments-ledger",
      validFrom: day("2026-11-01"), contentHash: "r1", encryptionClass: "CUSTOMER_KMS", keyRef: keyArn, keyArn, keyState: "Enabled", businessUnit: "Payments",
    },
  });
  await db.scopeFreshness.create({ data: { accountId: "111122223333", region: "eu-west-1", source: "inventory", lastGoodDay: day("2026-12-04") } });
  const hook = await createChannel(db, { kind: "WEBHOOK", name: "siem", url: receiver.url, signingSecret: receiver.secret }, "test", { current: KEY });
  await rule(db, "KEY_FINDING", {}, { channelIds: [hook.id], name: "Critical keys" });

  // Before: the key is healthy as far as high and critical findings go; nothing is sent.
  await recompute();
  await until(async () => (await db.keyFinding.count()) > 0 && (await boss.getQueueSize("alerts.evaluate")) === 0, 30_000);
  await new Promise((r) => setTimeout(r, 1500));
  expect(receiver.delivered()).toHaveLength(0);
  expect(await evaluations()).toBe(0);

  // The key is scheduled for deletion on 2026-12-09 while the bucket still uses it.
  await db.kmsKeyVersion.updateMany({ where: { keyArn }, data: { keyState: "PendingDeletion", deletionDate: new Date("2026-12-09T00:00:00Z"), pendingWindowDays: 7 } });
  await recompute();
  await until(() => receiver.delivered().length >= 1, 30_000);
  const [message] = receiver.delivered();
  expect(message!.signatureValid).toBe(true);
  const body = JSON.stringify(message!.json);
  expect(body).toContain("PENDING_DELETION_IN_USE: alias/prod-pay-ledger");
  expect(body).toContain("5 days left before deletion"); // 2026-12-04 → 2026-12-09
  expect(body).toContain(`${APP_URL}/keys/${encodeURIComponent(arn(7))}`);

  // Again: the condition holds, nothing more is sent.
  await recompute();
  await until(async () => (await boss.getQueueSize("rollups.recompute")) === 0 && (await boss.getQueueSize("alerts.evaluate")) === 0, 30_000);
  await new Promise((r) => setTimeout(r, 2000));
  expect(receiver.delivered()).toHaveLength(1);
  expect(await db.alertDelivery.count()).toBe(1);
});
