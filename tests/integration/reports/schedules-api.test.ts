// /api/reports/schedules: admins create, list, change, delete and send now, each audited; bad
// input is a 400 naming the field; other roles get 403; send-now queues the worker's job, whose
// handler queues the digest's deliveries.
import { randomBytes } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DELETE as deleteApi, PUT as putApi } from "@/app/api/reports/schedules/[id]/route";
import { POST as sendNowApi } from "@/app/api/reports/schedules/[id]/send-now/route";
import { GET as listApi, POST as postApi } from "@/app/api/reports/schedules/route";
import { sendReportJob } from "@/jobs/definitions/send-report";
import { createChannel } from "@/lib/alerts/channel-store";
import { closeQueueClient } from "@/lib/ingestion/queue-client";
import { runWithPrincipal } from "@/lib/auth/context";
import { call, TEST_ADMIN, type Json } from "../api/call";
import { resetTables, testDb } from "../support/db";
import { loadDigestFixture } from "./fixture";

const KEY = randomBytes(32);
process.env.ALERTS_SECRET_KEY = KEY.toString("hex");
const db = testDb();
let channelId: string;

beforeAll(async () => {
  await resetTables(db);
});
afterAll(async () => {
  await closeQueueClient();
  await db.$disconnect();
});
beforeEach(async () => {
  await db.reportSchedule.deleteMany();
  await db.auditLog.deleteMany();
  await db.alertChannel.deleteMany();
  channelId = (await createChannel(db, { kind: "EMAIL", name: "smtp", host: "127.0.0.1", port: 2525, tls: "none", from: "finops@example.com", recipients: [] }, "test", { current: KEY })).id;
});

const digest = () => ({ kind: "WEEKLY_DIGEST", name: "EM digest", channelId, recipients: ["EM@example.com", "em@example.com"], businessUnits: ["payments", "(untagged)"] });
const audits = async () => (await db.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => [a.action, a.target]);

describe("report schedules API", () => {
  it("creates, lists, changes and deletes a schedule, auditing each change", async () => {
    const created = await call(postApi, "/api/reports/schedules", { method: "POST", body: digest() });
    expect(created.status).toBe(201);
    // Addresses de-duplicated case-insensitively; the untagged BU kept as shown.
    expect(created.body).toMatchObject({ kind: "WEEKLY_DIGEST", recipients: ["em@example.com"], businessUnits: ["payments", "(untagged)"], enabled: true, lastSentAt: null });
    expect(new Date(created.body.nextSendAt).getUTCDay()).toBe(1);
    expect(new Date(created.body.nextSendAt).toISOString().slice(11, 16)).toBe("06:00");
    const id = created.body.id as string;
    expect((await db.reportSchedule.findUniqueOrThrow({ where: { id } })).businessUnits).toEqual(["payments", ""]);

    const list = await call(listApi, "/api/reports/schedules");
    expect(list.body.items.map((s: Json) => s.id)).toEqual([id]);

    const put = await call(putApi, `/api/reports/schedules/${id}`, { method: "PUT", params: { id }, body: { ...digest(), name: "Renamed", enabled: false } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: "Renamed", enabled: false, nextSendAt: null });

    const removed = await call(deleteApi, `/api/reports/schedules/${id}`, { method: "DELETE", params: { id }, body: {} });
    expect(removed.body).toEqual({ id, deleted: true });
    expect(await db.reportSchedule.count()).toBe(0);
    expect(await audits()).toEqual([["report-schedule.create", id], ["report-schedule.update", id], ["report-schedule.delete", id]]);
    const update = await db.auditLog.findFirstOrThrow({ where: { action: "report-schedule.update" } });
    expect([(update.before as Json).name, (update.after as Json).name, (update.after as Json).enabled]).toEqual(["EM digest", "Renamed", false]);
  });

  it("answers 400 naming the problem and 404 for an unknown schedule, changing nothing", async () => {
    const base = digest();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, channelId: "00000000-0000-4000-8000-000000000000" }, "channelId: no email channel 00000000-0000-4000-8000-000000000000"],
      [{ ...base, channelId: "abc" }, "channelId: must be the id (UUID) of an email channel"],
      [{ ...base, recipients: ["not-an-address"] }, "recipients.0: must be email addresses"],
      [{ ...base, recipients: [] }, "recipients: must list at least one address"],
      [{ ...base, kind: "DAILY" }, "kind: must be WEEKLY_DIGEST or MONTHLY_SHOWBACK"],
      [{ ...base, name: " " }, "name: must not be empty"],
      [{ ...base, kind: "MONTHLY_SHOWBACK" }, "businessUnits: the showback pack covers the whole organization; leave it empty"],
      [{ ...base, extra: 1 }, "extra: is not a known parameter"],
    ];
    for (const [body, message] of cases) {
      const response = await call(postApi, "/api/reports/schedules", { method: "POST", body });
      expect([response.status, response.body.error?.message], JSON.stringify(body)).toEqual([400, message]);
    }
    const unknown = "00000000-0000-4000-8000-000000000001";
    expect((await call(putApi, `/api/reports/schedules/${unknown}`, { method: "PUT", params: { id: unknown }, body: base })).status).toBe(404);
    expect((await call(deleteApi, "/api/reports/schedules/nope", { method: "DELETE", params: { id: "nope" }, body: {} })).body.error.message).toBe("id: must be a schedule id (UUID)");
    expect(await db.reportSchedule.count()).toBe(0);
    expect(await audits()).toEqual([]);
  });

  it("is for admins only", async () => {
    for (const role of ["finops", "viewer"] as const) {
      const principal = { kind: "token" as const, id: role, name: role, role, businessUnits: role === "viewer" ? ["payments"] : null };
      expect((await call(listApi, "/api/reports/schedules", { principal })).status).toBe(403);
      expect((await call(postApi, "/api/reports/schedules", { method: "POST", body: digest(), principal })).status).toBe(403);
    }
  });

  it("sends now: 202 with the queued job, audited; the job queues one digest per business unit", async () => {
    await loadDigestFixture(db);
    const id = (await call(postApi, "/api/reports/schedules", { method: "POST", body: { ...digest(), businessUnits: ["payments"] } })).body.id as string;
    const sent = await call(sendNowApi, `/api/reports/schedules/${id}/send-now`, { method: "POST", params: { id }, body: {} });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ id, kind: "WEEKLY_DIGEST" });
    const [job] = await db.$queryRawUnsafe<{ name: string; data: Json }[]>(`SELECT name, data FROM pgboss.job WHERE id = $1::uuid`, sent.body.jobId);
    expect(job).toEqual({ name: "reports.send", data: { scheduleId: id } });
    expect((await audits()).at(-1)).toEqual(["report-schedule.send-now", id]);

    await sendReportJob.handler(sendReportJob.payload.parse(job!.data), { db, log: pino({ level: "silent" }), workerId: "test", send: async () => null });
    const deliveries = await db.alertDelivery.findMany();
    expect(deliveries.map((d) => [d.kind, d.channelId, d.recipients, d.title, d.status])).toEqual([["DIGEST", channelId, ["em@example.com"], "Weekly KMS digest: payments, week to 2026-11-30", "PENDING"]]);
    expect((await db.reportSchedule.findUniqueOrThrow({ where: { id } })).lastSentAt).not.toBeNull();
  });

  it("sends now without a body at all (the month is optional), and refuses a query string", async () => {
    const id = (await call(postApi, "/api/reports/schedules", { method: "POST", body: { ...digest(), kind: "MONTHLY_SHOWBACK", businessUnits: [] } })).body.id as string;
    const bodyless = new Request(`http://x/api/reports/schedules/${id}/send-now`, { method: "POST", headers: { origin: "http://x", "content-type": "application/json" } });
    const sent = await runWithPrincipal(TEST_ADMIN, () => sendNowApi(bodyless, { params: Promise.resolve({ id }) }));
    expect(sent.status).toBe(202);
    expect(((await sent.json()) as Json).month).toMatch(/^\d{4}-\d{2}$/);
    const queried = await call(sendNowApi, `/api/reports/schedules/${id}/send-now?month=2026-10`, { method: "POST", params: { id }, body: {} });
    expect([queried.status, queried.body.error.message]).toEqual([400, "month: is not a known parameter"]);
  });
});
