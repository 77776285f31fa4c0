// /api/alerts/* through the route handlers against the real database and a real receiver:
// secrets never come back, 400s name the field, "send test" answers with the outcome, history
// and retry, every change audited.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as listChannels, POST as createChannel } from "@/app/api/alerts/channels/route";
import { DELETE as deleteChannel, PUT as updateChannel } from "@/app/api/alerts/channels/[id]/route";
import { POST as testChannel } from "@/app/api/alerts/channels/[id]/test/route";
import { GET as listDeliveries } from "@/app/api/alerts/deliveries/route";
import { POST as retryDelivery } from "@/app/api/alerts/deliveries/[id]/retry/route";
import { openSecret } from "@/lib/alerts/secrets";
import { closeQueueClient } from "@/lib/ingestion/queue-client";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/support/webhook-receiver";
import { call, type Json } from "../api/call";
import { resetTables, testDb } from "../support/db";

const KEY = randomBytes(32);
process.env.ALERTS_SECRET_KEY = KEY.toString("base64");
// The public URL links are built from; also the origin call() sends (the CSRF check compares them).
process.env.APP_URL = "http://x";

const db = testDb();
const SIGNING_SECRET = "whsec-api-test-0123456789";
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver({ secret: SIGNING_SECRET });
});
afterAll(async () => {
  await receiver.close();
  await closeQueueClient();
  await db.$disconnect();
});
beforeEach(async () => {
  await resetTables(db);
  receiver.clear();
});

const post = (body: Json) => call(createChannel, "/api/alerts/channels", { method: "POST", body });
const put = (id: string, body: Json) => call(updateChannel, `/api/alerts/channels/${id}`, { method: "PUT", body, params: { id } });
const test = (id: string) => call(testChannel, `/api/alerts/channels/${id}/test`, { method: "POST", body: {}, params: { id } });
const webhook = (over: Json = {}) => ({ kind: "WEBHOOK", name: "siem", url: `${receiver.url}/kms/tokenAbCd`, signingSecret: SIGNING_SECRET, ...over });

describe("channels", () => {
  it("creates a channel whose secrets are sealed and shown masked only, in the response, the list and the audit log", async () => {
    const created = await post(webhook());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "siem", kind: "WEBHOOK", config: { maskedUrl: `http://127.0.0.1:${receiver.port}/…/AbCd`, maskedSigningSecret: "••••6789" } });
    const list = await call(listChannels, "/api/alerts/channels");
    expect(list.body.secretKeyConfigured).toBe(true);
    expect(list.body.channels.map((c: Json) => c.name)).toEqual(["siem"]);
    const row = await db.alertChannel.findUniqueOrThrow({ where: { id: created.body.id } });
    const log = await db.auditLog.findMany({ where: { target: created.body.id } });
    for (const text of [JSON.stringify(created.body), JSON.stringify(list.body), JSON.stringify(row.config), row.secretCiphertext, JSON.stringify(log.map((l) => [l.before, l.after]))]) {
      expect(text).not.toContain("tokenAbCd");
      expect(text).not.toContain(SIGNING_SECRET);
    }
    expect(JSON.parse(openSecret(row.secretCiphertext, { current: KEY }))).toEqual({ url: `${receiver.url}/kms/tokenAbCd`, signingSecret: SIGNING_SECRET });
    expect(log.map((l) => l.action)).toEqual(["alert-channel.create"]);
  });

  it("answers 400 naming the field, 409 for a taken name or a kind change refused with 400", async () => {
    expect((await post(webhook({ signingSecret: "short" }))).body.error.message).toBe("signingSecret: must be at least 16 characters");
    expect((await post({ kind: "EMAIL", name: "m", host: "smtp.example.com", port: 99999, tls: "none", from: "a@example.com" })).body.error.message).toMatch(/^port: /);
    expect((await post({ kind: "EMAIL", name: "m", host: "h", port: 25, tls: "none", from: "a@example.com", recipients: ["not-an-address"] })).body.error.message).toBe("recipients.0: must be an email address");
    expect((await post({ kind: "PAGER", name: "x" })).status).toBe(400);
    const created = await post(webhook());
    const again = await post(webhook());
    expect(again).toMatchObject({ status: 409, body: { error: { code: "conflict", message: 'name: a channel named "siem" exists already' } } });
    const kindChange = await put(created.body.id, { kind: "SLACK", name: "siem", webhookUrl: "https://hooks.slack.com/services/x" });
    expect(kindChange).toMatchObject({ status: 400, body: { error: { message: "kind: a WEBHOOK channel cannot become SLACK; create a new channel" } } });
    expect((await put("not-a-uuid", webhook())).body.error.message).toBe("id: must be a channel id (UUID)");
  });

  it("updates the name and keeps the secrets left out; deletes; both audited with before and after", async () => {
    const { body: created } = await post(webhook());
    const updated = await put(created.id, { kind: "WEBHOOK", name: "siem-prod" });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: "siem-prod", config: created.config });
    const row = await db.alertChannel.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.parse(openSecret(row.secretCiphertext, { current: KEY })).signingSecret).toBe(SIGNING_SECRET);
    const deleted = await call(deleteChannel, `/api/alerts/channels/${created.id}`, { method: "DELETE", body: {}, params: { id: created.id } });
    expect(deleted.status).toBe(200);
    expect((await call(deleteChannel, `/api/alerts/channels/${created.id}`, { method: "DELETE", body: {}, params: { id: created.id } })).status).toBe(404);
    const log = await db.auditLog.findMany({ where: { target: created.id }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["alert-channel.create", "alert-channel.update", "alert-channel.delete"]);
    expect(log[1]!.before).toMatchObject({ name: "siem" });
    expect(log[1]!.after).toMatchObject({ name: "siem-prod" });
  });

  it("refuses to save a channel without ALERTS_SECRET_KEY, saying which setting is missing", async () => {
    delete process.env.ALERTS_SECRET_KEY;
    try {
      const refused = await post(webhook());
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/^ALERTS_SECRET_KEY is not set/);
      expect((await call(listChannels, "/api/alerts/channels")).body.secretKeyConfigured).toBe(false);
    } finally {
      process.env.ALERTS_SECRET_KEY = KEY.toString("base64");
    }
  });
});

describe("send test, history, retry", () => {
  it("sends a signed test message at once and shows it SENT in the history", async () => {
    const { body: channel } = await post(webhook());
    const tested = await test(channel.id);
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ status: "SENT", error: null });
    const [received] = receiver.delivered();
    expect(receiver.delivered()).toHaveLength(1);
    expect(received!.signatureValid).toBe(true);
    expect(received!.json).toMatchObject({ kind: "TEST", lines: [{ text: "Alerts page", url: "http://x/alerts", severity: "info" }] });
    const history = await call(listDeliveries, "/api/alerts/deliveries");
    expect(history.body.deliveries).toEqual([expect.objectContaining({ id: tested.body.deliveryId, kind: "TEST", status: "SENT", attempts: 1, lastError: null, channelName: "siem", channelKind: "WEBHOOK" })]);
    const retried = await call(retryDelivery, `/api/alerts/deliveries/${tested.body.deliveryId}/retry`, { method: "POST", body: {}, params: { id: tested.body.deliveryId } });
    expect(retried).toMatchObject({ status: 409, body: { error: { message: `delivery ${tested.body.deliveryId} was sent already` } } });
    expect((await db.auditLog.findMany({ where: { target: channel.id } })).map((l) => l.action)).toContain("alert-channel.test");
  });

  it("answers with the failure when the channel is down and leaves it queued for the job; a FAILED one can be retried", async () => {
    const { body: channel } = await post(webhook());
    receiver.failNext(1);
    const tested = await test(channel.id);
    expect(tested.body).toMatchObject({ status: "PENDING", error: `POST 127.0.0.1:${receiver.port}: HTTP 503 unavailable` });
    const row = await db.alertDelivery.findUniqueOrThrow({ where: { id: tested.body.deliveryId } });
    expect(row.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(50_000);
    const retry = (id: string) => call(retryDelivery, `/api/alerts/deliveries/${id}/retry`, { method: "POST", body: {}, params: { id } });
    // Queued rows are the job's: it may hold this one right now.
    expect(await retry(row.id)).toMatchObject({ status: 409, body: { error: { message: `delivery ${row.id} is queued: the delivery job retries it on its schedule` } } });

    receiver.failNext(1, 410);
    const gone = await test(channel.id);
    expect(gone.body).toMatchObject({ status: "FAILED", error: `POST 127.0.0.1:${receiver.port}: HTTP 410 unavailable` });
    expect(await retry(gone.body.deliveryId)).toMatchObject({ status: 200, body: { id: gone.body.deliveryId, status: "PENDING" } });
    const requeued = await db.alertDelivery.findUniqueOrThrow({ where: { id: gone.body.deliveryId } });
    expect(requeued).toMatchObject({ status: "PENDING", attempts: 0, lastError: null });
    expect(requeued.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await db.auditLog.findMany({ where: { action: "alert-delivery.retry" } })).map((l) => l.target)).toEqual([gone.body.deliveryId]);
  });

  it("pages the history newest first with a cursor, filters by status, and names bad parameters", async () => {
    const { body: channel } = await post(webhook());
    for (let i = 0; i < 5; i++) await db.alertDelivery.create({ data: { kind: "FIRED", channelId: channel.id, recipients: [], title: `m${i}`, payload: { summary: `s${i}`, lines: [] }, createdAt: new Date(Date.UTC(2026, 11, 5, 10, i)), status: i === 2 ? "FAILED" : "SENT" } });
    const first = await call(listDeliveries, "/api/alerts/deliveries?limit=2");
    expect(first.body.deliveries.map((d: Json) => d.title)).toEqual(["m4", "m3"]);
    const second = await call(listDeliveries, `/api/alerts/deliveries?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.deliveries.map((d: Json) => d.title)).toEqual(["m2", "m1"]);
    const third = await call(listDeliveries, `/api/alerts/deliveries?limit=2&cursor=${encodeURIComponent(second.body.nextCursor)}`);
    expect(third.body).toMatchObject({ nextCursor: null });
    expect(third.body.deliveries.map((d: Json) => d.title)).toEqual(["m0"]);
    expect((await call(listDeliveries, "/api/alerts/deliveries?status=FAILED")).body.deliveries.map((d: Json) => d.summary)).toEqual(["s2"]);
    expect((await call(listDeliveries, "/api/alerts/deliveries?limit=0")).body.error.message).toMatch(/^limit: /);
    expect((await call(listDeliveries, "/api/alerts/deliveries?status=LOST")).body.error.message).toBe("status: must be PENDING, SENT or FAILED");
  });
});
