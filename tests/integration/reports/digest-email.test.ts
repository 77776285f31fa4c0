// The weekly digest from a schedule to a real SMTP server (smtp-server + mailparser): the hourly
// sweep composes it on Monday and queues it, the delivery job sends it through the schedule's
// email channel, and the test reads the email a manager would get.
import { randomBytes } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createChannel } from "@/lib/alerts/channel-store";
import { deliverDue } from "@/lib/alerts/deliver";
import { createSchedule, scheduleBody } from "@/lib/reports/schedules";
import { sendDueSchedules } from "@/lib/reports/send";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp-server";
import { TEST_ADMIN } from "../api/call";
import { resetTables, testDb } from "../support/db";
import { loadDigestFixture } from "./fixture";

const KEY = randomBytes(32);
process.env.ALERTS_SECRET_KEY = KEY.toString("hex");
process.env.APP_URL = "https://finops.example.com";

const db = testDb();
const log = pino({ level: "silent" });
let smtp: TestSmtpServer;
let channelId: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
  await db.$disconnect();
});
beforeEach(async () => {
  await resetTables(db);
  smtp.clear();
  await loadDigestFixture(db);
  const channel = await createChannel(db, { kind: "EMAIL", name: "smtp", host: smtp.host, port: smtp.port, tls: "none", user: smtp.user, password: smtp.password, from: "finops@example.com", recipients: [] }, "test", { current: KEY });
  channelId = channel.id;
});

const ctx = () => ({ db, log, renderBaseUrl: "http://127.0.0.1:1" });
// Created on Tuesday 2026-12-01; first due Monday 2026-12-07 06:00 UTC.
const created = new Date("2026-12-01T10:00:00Z");

async function schedule(body: { recipients: string[]; businessUnits?: string[] }) {
  const view = await createSchedule(db, TEST_ADMIN, scheduleBody.parse({ kind: "WEEKLY_DIGEST", name: "EMs", channelId, ...body }));
  await db.reportSchedule.update({ where: { id: view.id }, data: { createdAt: created } });
  return view.id;
}

describe("weekly digest by email", () => {
  it("arrives on Monday at the real SMTP server with its subject, figures and BU-filtered links, once", async () => {
    const id = await schedule({ recipients: ["em-payments@example.com"], businessUnits: ["payments"] });
    // Sunday: not due yet.
    expect(await sendDueSchedules(ctx(), new Date("2026-12-06T23:00:00Z"))).toEqual({ sent: [], failed: [] });
    expect(await sendDueSchedules(ctx(), new Date("2026-12-07T06:20:00Z"))).toEqual({ sent: [id], failed: [] });
    // The next sweep the same day finds it sent.
    expect(await sendDueSchedules(ctx(), new Date("2026-12-07T07:20:00Z"))).toEqual({ sent: [], failed: [] });
    const outcomes = await deliverDue(db);
    expect(outcomes.map((o) => o.status)).toEqual(["SENT"]);

    const [mail] = await smtp.waitFor(1);
    expect(smtp.messages()).toHaveLength(1);
    expect(mail!.to).toEqual(["em-payments@example.com"]);
    expect(mail!.authUser).toBe(smtp.user);
    expect(mail!.subject).toBe("Weekly KMS digest: payments, week to 2026-11-30");
    expect(mail!.text).toContain("payments: CMK coverage 70.0% by count, 2 non-compliant resources, 2 new key findings this week");
    expect(mail!.text).toContain("pay-logs (S3, SSE_S3): non-compliant since 2026-11-01, 29 days");
    expect(mail!.text).toContain("$1.25 vs $1.05 on the same days last month");
    const links = [...mail!.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    expect(links).toEqual(expect.arrayContaining(["https://finops.example.com/teams?bu=payments", "https://finops.example.com/resources?bu=payments", "https://finops.example.com/costs?bu=payments"]));
    expect(links.every((l) => l.startsWith("https://finops.example.com/"))).toBe(true);
    expect(mail!.html).toContain("70.0%");
    expect(mail!.html).not.toContain("search-idx");

    const row = await db.reportSchedule.findUniqueOrThrow({ where: { id } });
    expect(row.lastSentAt?.toISOString()).toBe("2026-12-07T06:20:00.000Z");
  });

  it("without business units on the schedule, sends each recipient the digest of their own BUs", async () => {
    await db.appUser.createMany({
      data: [
        { id: "u1", subject: "s1", email: "EM-Payments@example.com", role: "viewer", businessUnits: ["payments"] },
        { id: "u2", subject: "s2", email: "em-search@example.com", role: "viewer", businessUnits: ["search"] },
        { id: "u3", subject: "s3", email: "finops@example.com", role: "finops", businessUnits: [] },
      ],
    });
    await schedule({ recipients: ["em-payments@example.com", "em-search@example.com", "finops@example.com", "nobody@example.com"] });
    await sendDueSchedules(ctx(), new Date("2026-12-07T06:20:00Z"));
    await deliverDue(db);
    const mails = await smtp.waitFor(2);
    expect(mails.map((m) => [m.to.join(","), m.subject]).sort()).toEqual([
      ["em-payments@example.com", "Weekly KMS digest: payments, week to 2026-11-30"],
      ["em-search@example.com", "Weekly KMS digest: search, week to 2026-11-30"],
    ]);
    const search = mails.find((m) => m.to[0] === "em-search@example.com")!;
    expect(search.text).toContain("search-idx (S3, SSE_S3): non-compliant since 2026-10-15, 46 days");
    expect(search.text).not.toContain("pay-logs");
  });
});
