// Report schedules (report_schedule), managed by admins through /api/reports/schedules: the
// weekly digest per business unit and the monthly showback pack, each sent to a list of addresses
// through one email channel. Every change is audited with its before/after.
import { z } from "zod";
import type { ReportSchedule } from "@/generated/prisma/client";
import { badRequest } from "@/lib/domain/errors";
import { audit } from "@/lib/auth/audit";
import type { Principal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db/client";
import { nextSendTime } from "./schedule-due";
import { buLabel, buValue } from "@/lib/domain/business-unit";

export const scheduleBody = z.strictObject({
  kind: z.enum(["WEEKLY_DIGEST", "MONTHLY_SHOWBACK"], { error: "must be WEEKLY_DIGEST or MONTHLY_SHOWBACK" }),
  name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  channelId: z.uuid("must be the id (UUID) of an email channel"),
  recipients: z.array(z.email("must be email addresses")).min(1, "must list at least one address").max(200, "must list at most 200 addresses"),
  /** Business units as shown ("(untagged)" for the untagged one); digest only; empty = each recipient's own. */
  businessUnits: z.array(z.string().trim().min(1, "must not be empty").max(128, "is longer than a tag value can be")).max(500).default([]),
  enabled: z.boolean().default(true),
});
export type ScheduleInput = z.output<typeof scheduleBody>;

/** The API's view of a schedule: business units as shown, and when it goes out next. */
export function scheduleView(s: ReportSchedule, now = new Date()) {
  return {
    id: s.id,
    kind: s.kind,
    name: s.name,
    channelId: s.channelId,
    recipients: s.recipients,
    businessUnits: s.businessUnits.map(buLabel),
    enabled: s.enabled,
    lastSentAt: s.lastSentAt,
    nextSendAt: s.enabled ? nextSendTime(s.kind, now) : null,
    createdBy: s.createdBy,
    createdAt: s.createdAt,
  };
}
export type ScheduleView = ReturnType<typeof scheduleView>;

/** What the audit log keeps of a schedule (everything a person set). */
const audited = (s: ReportSchedule) => ({ kind: s.kind, name: s.name, channelId: s.channelId, recipients: s.recipients, businessUnits: s.businessUnits.map(buLabel), enabled: s.enabled });

async function checkInput(db: Db, input: ScheduleInput): Promise<ScheduleInput> {
  const channel = await db.alertChannel.findUnique({ where: { id: input.channelId }, select: { kind: true } });
  if (!channel || channel.kind !== "EMAIL") throw badRequest(`channelId: no email channel ${input.channelId}`);
  if (input.kind === "MONTHLY_SHOWBACK" && input.businessUnits.length > 0) {
    throw badRequest("businessUnits: the showback pack covers the whole organization; leave it empty");
  }
  return { ...input, recipients: [...new Set(input.recipients.map((r) => r.toLowerCase()))], businessUnits: [...new Set(input.businessUnits.map(buValue))] };
}

export async function listSchedules(db: Db) {
  const rows = await db.reportSchedule.findMany({ orderBy: [{ kind: "asc" }, { name: "asc" }] });
  return { items: rows.map((r) => scheduleView(r)) };
}

export async function createSchedule(db: Db, by: Principal, body: ScheduleInput): Promise<ScheduleView> {
  const input = await checkInput(db, body);
  const row = await db.reportSchedule.create({ data: { ...input, createdBy: by.id } });
  await audit(db, by, "report-schedule.create", { target: row.id, after: audited(row) });
  return scheduleView(row);
}

/** null: no such schedule. */
export async function updateSchedule(db: Db, by: Principal, id: string, body: ScheduleInput): Promise<ScheduleView | null> {
  const before = await db.reportSchedule.findUnique({ where: { id } });
  if (!before) return null;
  const input = await checkInput(db, body);
  const row = await db.reportSchedule.update({ where: { id }, data: input });
  await audit(db, by, "report-schedule.update", { target: id, before: audited(before), after: audited(row) });
  return scheduleView(row);
}

export async function deleteSchedule(db: Db, by: Principal, id: string): Promise<{ id: string; deleted: true } | null> {
  const before = await db.reportSchedule.findUnique({ where: { id } });
  if (!before) return null;
  await db.reportSchedule.delete({ where: { id } });
  await audit(db, by, "report-schedule.delete", { target: id, before: audited(before) });
  return { id, deleted: true };
}
