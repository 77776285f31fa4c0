// When a report schedule is due. The weekly digest goes out on Mondays and the showback pack on
// the 1st (for the month just closed), at 06:00 UTC: after the daily ingestion (03:00 by default)
// has fetched the last day. The worker sweeps every hour, so a worker that was down at 06:00
// sends when it comes back, once: a schedule is due when its latest send time is after both its
// last send and its creation (a new schedule waits for its first send time).
import { CronExpressionParser } from "cron-parser";
import type { ReportKind } from "@/generated/prisma/enums";
import { toDay } from "@/lib/domain/days";

export const REPORT_CRON: Record<ReportKind, string> = {
  WEEKLY_DIGEST: "0 6 * * 1",
  MONTHLY_SHOWBACK: "0 6 1 * *",
};

/** The worker's sweep: every hour at :20, so "due" is acted on within the hour. */
export const SWEEP_CRON = "20 * * * *";

export interface ScheduleTiming {
  kind: ReportKind;
  enabled: boolean;
  lastSentAt: Date | null;
  createdAt: Date;
}

/** The latest send time at or before `now`. */
export function lastSendTime(kind: ReportKind, now: Date): Date {
  // cron-parser's prev() is strictly before currentDate: one millisecond later includes `now` itself.
  return CronExpressionParser.parse(REPORT_CRON[kind], { currentDate: new Date(now.getTime() + 1), tz: "UTC" }).prev().toDate();
}

export function nextSendTime(kind: ReportKind, now: Date): Date {
  return CronExpressionParser.parse(REPORT_CRON[kind], { currentDate: now, tz: "UTC" }).next().toDate();
}

export function isDue(schedule: ScheduleTiming, now: Date): boolean {
  if (!schedule.enabled) return false;
  const since = schedule.lastSentAt && schedule.lastSentAt > schedule.createdAt ? schedule.lastSentAt : schedule.createdAt;
  return lastSendTime(schedule.kind, now) > since;
}

/** The showback pack's month: the calendar month before `at` ("2026-12-01T06:00Z" → "2026-11"). */
export function closedMonth(at: Date): string {
  return toDay(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 1, 1))).slice(0, 7);
}
