import { z } from "zod";
import { monthParam } from "@/lib/reports/showback-data";
import { renderBaseUrl } from "@/lib/reports/render-url";
import { sendSchedule } from "@/lib/reports/send";
import { defineJob } from "./types";

import { SEND_REPORT_JOB } from "@/lib/reports/queue-names";

/** "Send now" on a schedule (POST /api/reports/schedules/[id]/send-now): composed here, not in the request. */
export const sendReportJob = defineJob({
  id: SEND_REPORT_JOB,
  payload: z.object({ scheduleId: z.uuid(), month: monthParam.optional() }),
  concurrency: 1,
  async handler({ scheduleId, month }, { db, log, send }) {
    const schedule = await db.reportSchedule.findUnique({ where: { id: scheduleId } });
    if (!schedule) {
      log.warn({ scheduleId }, "schedule deleted before it was sent");
      return;
    }
    await sendSchedule({ db, log, send, renderBaseUrl: renderBaseUrl() }, schedule, { now: new Date(), month, claim: false });
  },
});
