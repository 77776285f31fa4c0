import { z } from "zod";
import { EVALUATE_ALERTS_JOB } from "@/lib/alerts/evaluate";
import { recomputeRollups } from "@/lib/rollups";
import { isDay } from "@/lib/domain/days";
import { defineJob } from "./types";

const day = z.string().refine(isDay, "must be a day YYYY-MM-DD");

/** Rebuilds the chart rollups for a day range (after a snapshot, a cost fetch or a setting change). */
export const recomputeRollupsJob = defineJob({
  id: "rollups.recompute",
  payload: z.object({ fromDay: day, toDay: day }).refine((p) => p.fromDay <= p.toDay, "fromDay must not be after toDay"),
  concurrency: 1,
  async handler({ fromDay, toDay }, { db, log, send }) {
    const started = Date.now();
    await recomputeRollups(db, fromDay, toDay);
    log.info({ fromDay, toDay, ms: Date.now() - started }, "rollups recomputed");
    // New rollups can open or clear coverage, non-compliance and cost alerts.
    await send(EVALUATE_ALERTS_JOB, { reason: "rollups.recompute" });
  },
});
