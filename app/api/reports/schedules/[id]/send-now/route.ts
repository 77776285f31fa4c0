import { z } from "zod";
import { handle, jsonResponse } from "@/lib/api/errors";
import { notFound } from "@/lib/domain/errors";
import { parseInput, parseQuery, readJsonBody } from "@/lib/api/params";
import { auditAfter } from "@/lib/auth/audit";
import { withAccess } from "@/lib/auth/with-access";
import { db } from "@/lib/db/client";
import { enqueue } from "@/lib/ingestion/queue-client";
import { SEND_REPORT_JOB } from "@/lib/reports/queue-names";
import { closedMonth } from "@/lib/reports/schedule-due";
import { monthParam } from "@/lib/reports/showback-data";

export const dynamic = "force-dynamic";

const path = z.object({ id: z.uuid("must be a schedule id (UUID)") });
const body = z.strictObject({ month: monthParam.optional() });

/**
 * Sends a schedule now: 202 with the queued job; the worker composes the digest or renders the
 * pack (the month given, else the month just closed) and queues the emails. Audited.
 */
function post(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    parseQuery(request, z.strictObject({}));
    const { id } = parseInput(path, await context.params);
    const raw = request.headers.get("content-length") === "0" || !request.body ? {} : await readJsonBody(request);
    const { month } = parseInput(body, raw);
    const schedule = await db().reportSchedule.findUnique({ where: { id } });
    if (!schedule) throw notFound(`id: no schedule ${id}`);
    const sentMonth = schedule.kind === "MONTHLY_SHOWBACK" ? (month ?? closedMonth(new Date())) : undefined;
    const jobId = await auditAfter(enqueue(SEND_REPORT_JOB, { scheduleId: id, ...(sentMonth ? { month: sentMonth } : {}) }), "report-schedule.send-now", {
      target: id,
      after: { kind: schedule.kind, name: schedule.name, recipients: schedule.recipients, ...(sentMonth ? { month: sentMonth } : {}) },
    });
    return jsonResponse({ id, jobId, kind: schedule.kind, ...(sentMonth ? { month: sentMonth } : {}) }, 202);
  });
}

export const POST = withAccess("POST /api/reports/schedules/[id]/send-now", post);
