// POST /api/reports/schedules/{id}/send-now: 202 with the queued job; the worker composes the
// digest or renders the pack (the month given, else the month just closed) and queues the
// emails. The body is optional. Audited as report-schedule.send-now.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { uuidSegment, withSegments } from "@/lib/api/params";
import { auditAfter } from "@/lib/auth/audit";
import { enqueue } from "@/lib/ingestion/queue-client";
import { SEND_REPORT_JOB } from "@/lib/reports/queue-names";
import { closedMonth } from "@/lib/reports/schedule-due";
import { monthParam } from "@/lib/reports/showback-data";
import { notFound } from "@/lib/domain/errors";

export const sendScheduleNowEndpoint = defineEndpoint({
  route: "POST /api/reports/schedules/[id]/send-now",
  access: "admin",
  params: withSegments({ id: uuidSegment("schedule") }, z.strictObject({ month: monthParam.optional() })),
  status: 202,
  body: "optional",
  query: async (db, { id, month }) => {
    const schedule = await db.reportSchedule.findUnique({ where: { id } });
    if (!schedule) throw notFound(`id: no schedule ${id}`);
    const sentMonth = schedule.kind === "MONTHLY_SHOWBACK" ? (month ?? closedMonth(new Date())) : undefined;
    const jobId = await auditAfter(enqueue(SEND_REPORT_JOB, { scheduleId: id, ...(sentMonth ? { month: sentMonth } : {}) }), "report-schedule.send-now", {
      target: id,
      after: { kind: schedule.kind, name: schedule.name, recipients: schedule.recipients, ...(sentMonth ? { month: sentMonth } : {}) },
    });
    return { id, jobId, kind: schedule.kind, ...(sentMonth ? { month: sentMonth } : {}) };
  },
});
