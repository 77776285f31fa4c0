// The delivery pass against the real database, a real webhook receiver and a real SMTP server:
// retries with backoff deliver exactly once, email arrives with its links and attachments, two
// workers never send a row twice, permanent errors and the 24-hour limit end in FAILED.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_ATTEMPTS } from "@/lib/alerts/backoff";
import { createChannel } from "@/lib/alerts/channel-store";
import { deliverDue } from "@/lib/alerts/deliver";
import { retryDelivery } from "@/lib/alerts/delivery-history";
import { queueDeliveries } from "@/lib/alerts/outbox";
import type { AlertPayload } from "@/lib/alerts/payload";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp-server";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/support/webhook-receiver";
import { resetTables, testDb } from "../support/db";

const db = testDb();
const keys = { current: randomBytes(32) };
const SIGNING_SECRET = "whsec-integration-0123456789";
let receiver: WebhookReceiver;
let smtp: TestSmtpServer;

beforeAll(async () => {
  receiver = await startWebhookReceiver({ secret: SIGNING_SECRET });
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await receiver.close();
  await smtp.close();
  await db.$disconnect();
});
beforeEach(() => resetTables(db));
afterEach(() => {
  receiver.clear();
  receiver.failNext(0);
  smtp.clear();
});

const T0 = new Date("2026-12-05T16:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const payload: AlertPayload = {
  summary: "2 new critical findings",
  lines: [
    { text: "Key payments-db has a public policy", url: "https://finops.example.com/keys/arn%3Aaws%3Akms%3Aeu-west-1%3A111122223333%3Akey%2Fk1", severity: "critical" },
    { text: "Key ledger is pending deletion in 3 days and still used", url: "https://finops.example.com/keys/arn%3Aaws%3Akms%3Aeu-west-1%3A111122223333%3Akey%2Fk2", severity: "high" },
  ],
  footer: "Rule: critical key findings",
};

const webhookChannel = (path = "/hook", name = "siem") => createChannel(db, { kind: "WEBHOOK", name, url: `${receiver.url}${path}`, signingSecret: SIGNING_SECRET }, "test", keys);

/** Creates the row at T0 (the pass's clock is T0 and later). */
async function queueAtT0(channelId: string, extra: Partial<Parameters<typeof queueDeliveries>[1]> = {}): Promise<string> {
  const [id] = await queueDeliveries(db, { kind: "FIRED", title: "New key findings", payload, channelIds: [channelId], ...extra });
  await db.alertDelivery.update({ where: { id: id! }, data: { createdAt: T0, nextAttemptAt: T0 } });
  return id!;
}

describe("a webhook channel down for 3 attempts", () => {
  it("is retried at +1, +3 and +7 minutes and receives the message exactly once, signed", async () => {
    const channel = await webhookChannel();
    const id = await queueAtT0(channel.id);
    receiver.failNext(3);

    const pass = async (minutes: number) => (await deliverDue(db, { now: at(minutes), keys })).map((o) => o.status);
    expect(await pass(0)).toEqual(["PENDING"]);
    let row = await db.alertDelivery.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, nextAttemptAt: at(1) });
    expect(row.lastError).toMatch(/HTTP 503 unavailable/);
    // Not due yet: nothing is sent before the backoff ends.
    expect(await pass(0.5)).toEqual([]);
    expect(await pass(1)).toEqual(["PENDING"]);
    expect(await pass(2.9)).toEqual([]);
    expect(await pass(3)).toEqual(["PENDING"]);
    expect((await db.alertDelivery.findUniqueOrThrow({ where: { id } })).nextAttemptAt).toEqual(at(7));
    expect(await pass(7)).toEqual(["SENT"]);
    expect(await pass(120)).toEqual([]);

    row = await db.alertDelivery.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 4, lastError: null, sentAt: at(7) });
    expect(receiver.all().map((r) => r.status)).toEqual([503, 503, 503, 200]);
    const [delivered] = receiver.delivered();
    expect(receiver.delivered()).toHaveLength(1);
    // Signed when sent (the wall clock, not the pass's schedule clock): fresh for the receiver.
    expect(delivered!.signatureValid).toBe(true);
    expect(delivered!.headers["x-kms-finops-delivery"]).toBe(id);
    expect(delivered!.json).toMatchObject({ id, kind: "FIRED", title: "New key findings", summary: "2 new critical findings", lines: payload.lines });
  });

  it("is not signed for a receiver holding another secret", async () => {
    const other = await startWebhookReceiver({ secret: "another-secret-0000000" });
    const channel = await createChannel(db, { kind: "WEBHOOK", name: "other", url: other.url, signingSecret: SIGNING_SECRET }, "test", keys);
    await queueDeliveries(db, { kind: "TEST", title: "Test", payload, channelIds: [channel.id] });
    expect((await deliverDue(db, { keys })).map((o) => o.status)).toEqual(["SENT"]);
    expect(other.delivered().map((r) => r.signatureValid)).toEqual([false]);
    await other.close();
  });
});

describe("Slack and Teams", () => {
  it("post their JSON to the webhook URL, one message per channel for one queued alert", async () => {
    const slack = await createChannel(db, { kind: "SLACK", name: "slack", webhookUrl: `${receiver.url}/services/T0/B0/XyZ9` }, "test", keys);
    const teams = await createChannel(db, { kind: "TEAMS", name: "teams", webhookUrl: `${receiver.url}/workflows/abc` }, "test", keys);
    await queueDeliveries(db, { kind: "FIRED", title: "New key findings", payload, channelIds: [slack.id, teams.id] });
    expect((await deliverDue(db, { keys })).map((o) => o.status)).toEqual(["SENT", "SENT"]);
    const byPath = new Map(receiver.delivered().map((r) => [r.path, r]));
    expect([...byPath.keys()].sort()).toEqual(["/services/T0/B0/XyZ9", "/workflows/abc"]);
    const slackBody = byPath.get("/services/T0/B0/XyZ9")!;
    expect(slackBody.headers["content-type"]).toBe("application/json");
    expect(slackBody.headers["x-kms-finops-signature"]).toBeUndefined(); // Slack and Teams URLs are their own secret
    expect((slackBody.json as { text: string }).text).toBe("New key findings: 2 new critical findings");
    expect(JSON.stringify(slackBody.json)).toContain("<https://finops.example.com/keys/arn%3Aaws%3Akms%3Aeu-west-1%3A111122223333%3Akey%2Fk1|Key payments-db has a public policy>");
    const card = (byPath.get("/workflows/abc")!.json as { attachments: { content: { body: { text: string }[] } }[] }).attachments[0]!.content;
    expect(card.body.map((b) => b.text)).toContain("- [\\[HIGH\\] Key ledger is pending deletion in 3 days and still used](https://finops.example.com/keys/arn%3Aaws%3Akms%3Aeu-west-1%3A111122223333%3Akey%2Fk2)");
  });
});

describe("failures that retrying cannot fix", () => {
  it("fails a 404 at once, without retrying", async () => {
    const channel = await webhookChannel();
    const id = await queueAtT0(channel.id);
    receiver.failNext(1, 404);
    const [outcome] = await deliverDue(db, { now: at(0), keys });
    expect(outcome).toEqual({ id, status: "FAILED", nextAttemptAt: null, error: `POST 127.0.0.1:${receiver.port}: HTTP 404 unavailable` });
    expect(await deliverDue(db, { now: at(60), keys })).toEqual([]);
  });

  it("gives up after the attempt that passes 24 hours, and a retry puts it back in line with a fresh budget", async () => {
    const channel = await webhookChannel();
    const id = await queueAtT0(channel.id);
    await db.alertDelivery.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    receiver.failNext(1);
    const [outcome] = await deliverDue(db, { now: at(0), keys });
    expect(outcome).toMatchObject({ status: "FAILED", nextAttemptAt: null });
    expect(outcome!.error).toBe(`POST 127.0.0.1:${receiver.port}: HTTP 503 unavailable (gave up after ${MAX_ATTEMPTS} attempts)`);
    expect(await deliverDue(db, { now: at(60), keys })).toEqual([]);

    expect(await retryDelivery(db, id)).toEqual({ before: "FAILED", after: "PENDING" });
    expect(await db.alertDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", attempts: 0, lastError: null });
    expect((await deliverDue(db, { keys })).map((o) => o.status)).toEqual(["SENT"]);
    expect(receiver.delivered()).toHaveLength(1);
  });

  it("fails a message to a deleted channel for good, and retries a network error", async () => {
    const gone = await webhookChannel("/hook", "gone");
    const goneId = await queueAtT0(gone.id);
    await db.alertChannel.delete({ where: { id: gone.id } });
    const slack = await createChannel(db, { kind: "SLACK", name: "slack", webhookUrl: "http://127.0.0.1:9/closed" }, "test", keys);
    const slackId = await queueAtT0(slack.id);
    const outcomes = await deliverDue(db, { now: at(0), keys });
    const byId = new Map(outcomes.map((o) => [o.id, o]));
    expect(byId.get(goneId)).toMatchObject({ status: "FAILED", error: "the channel was deleted" });
    // Nothing listens on port 9: a network error, retried.
    expect(byId.get(slackId)).toMatchObject({ status: "PENDING", nextAttemptAt: at(1) });
    expect(byId.get(slackId)!.error).toMatch(/^POST 127\.0\.0\.1:9: /);
  });
});

describe("email", () => {
  it("arrives at the SMTP server, authenticated, with subject, linked lines and the attachment, to the message's recipients", async () => {
    const channel = await createChannel(
      db,
      { kind: "EMAIL", name: "mail", host: smtp.host, port: smtp.port, tls: "none", user: smtp.user, password: smtp.password, from: "KMS FinOps <finops@example.com>", recipients: ["secops@example.com"] },
      "test",
      keys,
    );
    const csv = "business_unit,cost_usd\npayments,12.50\n";
    await queueDeliveries(db, {
      kind: "SHOWBACK",
      title: "KMS showback 2026-11",
      payload: { ...payload, attachments: [{ filename: "chargeback-2026-11.csv", contentType: "text/csv", contentBase64: Buffer.from(csv).toString("base64") }] },
      channelIds: [channel.id],
      recipients: ["finance@example.com", "em@example.com"],
    });
    expect((await deliverDue(db, { keys })).map((o) => o.status)).toEqual(["SENT"]);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toBe("KMS showback 2026-11");
    expect(mail!.to).toEqual(["finance@example.com", "em@example.com"]);
    expect(mail!.from).toBe("finops@example.com");
    expect(mail!.authUser).toBe(smtp.user);
    expect(mail!.text).toContain("- [CRITICAL] Key payments-db has a public policy\n  https://finops.example.com/keys/arn%3Aaws%3Akms%3Aeu-west-1%3A111122223333%3Akey%2Fk1");
    expect(mail!.html).toContain('<a href="https://finops.example.com/keys/arn%3Aaws%3Akms%3Aeu-west-1%3A111122223333%3Akey%2Fk2">[HIGH] Key ledger is pending deletion in 3 days and still used</a>');
    expect(mail!.attachments).toEqual([{ filename: "chargeback-2026-11.csv", contentType: "text/csv", contentBase64: Buffer.from(csv).toString("base64") }]);
  });

  it("goes to the channel's own recipients by default, and a wrong password fails it for good (535)", async () => {
    const good = await createChannel(db, { kind: "EMAIL", name: "ok", host: smtp.host, port: smtp.port, tls: "none", from: "finops@example.com", recipients: ["secops@example.com"] }, "test", keys);
    const bad = await createChannel(db, { kind: "EMAIL", name: "bad", host: smtp.host, port: smtp.port, tls: "none", user: smtp.user, password: "wrong", from: "finops@example.com", recipients: ["x@example.com"] }, "test", keys);
    await queueDeliveries(db, { kind: "FIRED", title: "one", payload, channelIds: [good.id] });
    const [badId] = await queueDeliveries(db, { kind: "FIRED", title: "two", payload, channelIds: [bad.id] });
    const outcomes = await deliverDue(db, { keys });
    expect((await smtp.waitFor(1)).map((m) => m.to)).toEqual([["secops@example.com"]]);
    const failed = outcomes.find((o) => o.id === badId)!;
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toMatch(/^SMTP 127\.0\.0\.1:\d+: .*535/);
  });
});

describe("two delivery workers at once", () => {
  it("send each of 40 rows exactly once", async () => {
    const channel = await webhookChannel();
    const ids = await queueDeliveries(db, { kind: "FIRED", title: "t", payload, channelIds: [channel.id] }).then(async (first) => {
      const rest = await Promise.all(Array.from({ length: 39 }, () => queueDeliveries(db, { kind: "FIRED", title: "t", payload, channelIds: [channel.id] })));
      return [...first, ...rest.flat()];
    });
    // Two processes' worth of connections, each draining in small batches.
    const other = testDb();
    const drain = async (client: typeof db) => {
      let sent = 0;
      for (;;) {
        const outcomes = await deliverDue(client, { batch: 3, keys });
        if (outcomes.length === 0) return sent;
        sent += outcomes.length;
      }
    };
    const [a, b] = await Promise.all([drain(db), drain(other)]);
    await other.$disconnect();
    expect(a + b).toBe(40);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const received = receiver.delivered().map((r) => r.headers["x-kms-finops-delivery"]);
    expect(received).toHaveLength(40);
    expect(new Set(received)).toEqual(new Set(ids));
    expect(await db.alertDelivery.count({ where: { status: "SENT", attempts: 1 } })).toBe(40);
  });
});
