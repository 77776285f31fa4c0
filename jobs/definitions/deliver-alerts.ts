import { z } from "zod";
import { deliverDue } from "@/lib/alerts/deliver";
import { DELIVER_ALERTS_JOB } from "@/lib/alerts/outbox";
import { defineJob } from "./types";

const BATCH = 50;

/**
 * Sends the due alert deliveries (the outbox, lib/alerts/outbox.ts): every minute, and when a
 * producer wakes it after queueing. Passes repeat while they find a full batch.
 */
export const deliverAlertsJob = defineJob({
  id: DELIVER_ALERTS_JOB,
  payload: z.object({}).passthrough(),
  concurrency: 1,
  schedule: "* * * * *",
  async handler(_payload, { db, log }) {
    for (;;) {
      const outcomes = await deliverDue(db, { batch: BATCH });
      const failed = outcomes.filter((o) => o.status !== "SENT");
      if (outcomes.length > 0) log.info({ sent: outcomes.length - failed.length, failed: failed.map((o) => ({ id: o.id, status: o.status, error: o.error })) }, "alert deliveries");
      if (outcomes.length < BATCH) return;
    }
  },
});
