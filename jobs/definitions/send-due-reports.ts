import { z } from "zod";
import { renderBaseUrl } from "@/lib/reports/render-url";
import { SWEEP_CRON } from "@/lib/reports/schedule-due";
import { sendDueSchedules } from "@/lib/reports/send";
import { defineJob } from "./types";

import { SEND_DUE_REPORTS_JOB } from "@/lib/reports/queue-names";

/**
 * The hourly sweep (SWEEP_CRON): sends the weekly digests on Monday and the showback packs on the
 * 1st (lib/reports/schedule-due.ts); a worker that was down sends them when it is back.
 */
export const sendDueReportsJob = defineJob({
  id: SEND_DUE_REPORTS_JOB,
  payload: z.object({}),
  concurrency: 1,
  schedule: SWEEP_CRON,
  async handler(_payload, { db, log, send }) {
    const { sent, failed } = await sendDueSchedules({ db, log, send, renderBaseUrl: renderBaseUrl() });
    if (sent.length || failed.length) log.info({ sent, failed }, "due report schedules processed");
    // A failed schedule stays due: the next sweep tries again, and the job shows as failed now.
    if (failed.length) throw new Error(`report schedules failed: ${failed.join(", ")} (see the worker log)`);
  },
});
