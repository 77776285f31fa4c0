// Sending a report schedule: compose the digest (per business unit) or the showback pack, then
// queue the emails in the outbox (lib/alerts/outbox.ts) through the schedule's email channel;
// the delivery job sends them with retries. Composition happens before anything is written, so
// a failed render (Chromium missing, app down) queues nothing and leaves the schedule due.
import type { Logger } from "pino";
import type { ReportSchedule } from "@/generated/prisma/client";
import { absoluteUrl } from "@/lib/alerts/links";
import { queueDeliveries, wakeDeliveryJob } from "@/lib/alerts/outbox";
import type { Db } from "@/lib/db/client";
import type { SendJob } from "@/lib/ingestion/queue-names";
import { buDigest } from "./digest";
import { digestPayload, digestTitle } from "./digest-message";
import { closedMonth, isDue } from "./schedule-due";
import { renderShowbackPack } from "./showback";
import { showbackPayload } from "./showback-message";

export interface SendContext {
  db: Db;
  log: Logger;
  /** The dashboard the showback renderer prints from (lib/reports/render-url.ts). */
  renderBaseUrl: string;
  /** Wakes the delivery job once everything is queued. */
  send?: SendJob;
}

export interface Audience {
  /** BU → who gets its digest (stored form, "" untagged). */
  groups: { businessUnit: string; recipients: string[] }[];
  /** Recipients no digest goes to: no user record, or a user without business units. */
  unmatched: string[];
}

/**
 * Who gets which BU's digest: every recipient gets every BU the schedule lists; with none listed,
 * each recipient gets the BUs of their own user record (app_user.business_units, by email).
 */
export async function digestAudience(db: Db, schedule: Pick<ReportSchedule, "recipients" | "businessUnits">): Promise<Audience> {
  if (schedule.businessUnits.length > 0) {
    return { groups: schedule.businessUnits.map((businessUnit) => ({ businessUnit, recipients: schedule.recipients })), unmatched: [] };
  }
  const users = await db.appUser.findMany({ where: { email: { in: schedule.recipients, mode: "insensitive" } }, select: { email: true, businessUnits: true } });
  const bus = new Map<string, string[]>();
  for (const u of users) bus.set(u.email!.toLowerCase(), u.businessUnits);
  const groups = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const recipient of schedule.recipients) {
    const own = bus.get(recipient.toLowerCase()) ?? [];
    if (own.length === 0) unmatched.push(recipient);
    for (const bu of own) groups.set(bu, [...(groups.get(bu) ?? []), recipient]);
  }
  return { groups: [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([businessUnit, recipients]) => ({ businessUnit, recipients })), unmatched };
}

type Message = { kind: "DIGEST" | "SHOWBACK"; title: string; payload: Parameters<typeof queueDeliveries>[1]["payload"]; recipients: string[] };

async function composeDigests(ctx: SendContext, schedule: ReportSchedule): Promise<Message[]> {
  const audience = await digestAudience(ctx.db, schedule);
  if (audience.unmatched.length) ctx.log.warn({ schedule: schedule.id, unmatched: audience.unmatched }, "digest recipients without business units get no digest");
  const messages: Message[] = [];
  for (const group of audience.groups) {
    const digest = await buDigest(ctx.db, group.businessUnit);
    messages.push({ kind: "DIGEST", title: digestTitle(digest), payload: digestPayload(digest), recipients: group.recipients });
  }
  return messages;
}

async function composeShowback(ctx: SendContext, schedule: ReportSchedule, month: string): Promise<Message[]> {
  const pack = await renderShowbackPack(ctx.db, month, ctx.renderBaseUrl);
  ctx.log.info({ schedule: schedule.id, month, ms: pack.ms, pdfBytes: pack.pdf.length, csvBytes: pack.csv?.length }, "showback pack rendered");
  return [{ kind: "SHOWBACK", title: `KMS showback pack: ${month}`, payload: showbackPayload(pack, absoluteUrl(`/costs`)), recipients: schedule.recipients }];
}

/**
 * Composes and queues one schedule's messages. `claim`: only if nobody sent it since `lastSentAt`
 * was read (two workers sweeping at once send once); send-now passes false.
 */
export async function sendSchedule(ctx: SendContext, schedule: ReportSchedule, options: { now: Date; month?: string; claim: boolean }): Promise<string[]> {
  const messages =
    schedule.kind === "WEEKLY_DIGEST" ? await composeDigests(ctx, schedule) : await composeShowback(ctx, schedule, options.month ?? closedMonth(options.now));
  const ids = await ctx.db.$transaction(async (tx) => {
    const claimed = await tx.reportSchedule.updateMany({
      where: { id: schedule.id, ...(options.claim ? { lastSentAt: schedule.lastSentAt } : {}) },
      data: { lastSentAt: options.now },
    });
    if (claimed.count === 0) return null;
    const queued: string[] = [];
    for (const m of messages) {
      queued.push(...(await queueDeliveries(tx, { kind: m.kind, title: m.title, payload: m.payload, channelIds: [schedule.channelId], recipients: m.recipients })));
    }
    return queued;
  });
  if (ids === null) {
    ctx.log.info({ schedule: schedule.id }, "schedule sent by another worker meanwhile");
    return [];
  }
  if (ctx.send && ids.length) await wakeDeliveryJob(ctx.send);
  ctx.log.info({ schedule: schedule.id, kind: schedule.kind, deliveries: ids.length }, "report queued");
  return ids;
}

/** The hourly sweep: every enabled schedule whose send time passed since it was last sent. */
export async function sendDueSchedules(ctx: SendContext, now = new Date()): Promise<{ sent: string[]; failed: string[] }> {
  const schedules = await ctx.db.reportSchedule.findMany({ where: { enabled: true }, orderBy: { createdAt: "asc" } });
  const sent: string[] = [];
  const failed: string[] = [];
  for (const schedule of schedules.filter((s) => isDue(s, now))) {
    try {
      await sendSchedule(ctx, schedule, { now, claim: true });
      sent.push(schedule.id);
    } catch (error) {
      // One broken schedule (a channel deleted, Chromium missing) does not hold up the others;
      // it stays due and is tried again at the next sweep.
      ctx.log.error({ err: error, schedule: schedule.id }, "report schedule failed");
      failed.push(schedule.id);
    }
  }
  return { sent, failed };
}
