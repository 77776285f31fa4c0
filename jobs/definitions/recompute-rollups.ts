import { z } from "zod";
import { EVALUATE_ALERTS_JOB } from "@/lib/alerts/evaluate";
import { recomputeRollups } from "@/lib/rollups";
import { RECOMPUTE_ROLLUPS_JOB } from "@/lib/rollups/queue-names";
import { recomputeForSettings } from "@/lib/settings/recompute";
import { isDay } from "@/lib/domain/days";
import { defineJob } from "./types";

const day = z.string().refine(isDay, "must be a day YYYY-MM-DD");
const dayRange = z.object({ fromDay: day, toDay: day }).refine((p) => p.fromDay <= p.toDay, "fromDay must not be after toDay");
// A settings save (SETTINGS_RECOMPUTE_PAYLOAD): what the saved settings invalidated, whole history.
const settingsChange = z.strictObject({ reason: z.literal("settings") });

/**
 * Rebuilds the chart rollups for a day range (after a snapshot or a cost fetch), or everything
 * settings saves invalidated (in one transaction; saves made meanwhile are covered together).
 */
export const recomputeRollupsJob = defineJob({
  id: RECOMPUTE_ROLLUPS_JOB,
  payload: z.union([settingsChange, dayRange]),
  concurrency: 1,
  async handler(payload, { db, log, send }) {
    const started = Date.now();
    if ("reason" in payload) {
      const outcome = await recomputeForSettings(db, (step, ms) => log.info({ step, ms }, "settings recompute step"));
      log.info({ outcome, ms: Date.now() - started }, "settings recompute");
      if (outcome === "nothing to do") return;
    } else {
      await recomputeRollups(db, payload.fromDay, payload.toDay);
      log.info({ ...payload, ms: Date.now() - started }, "rollups recomputed");
    }
    // New rollups can open or clear coverage, non-compliance and cost alerts.
    await send(EVALUATE_ALERTS_JOB, { reason: RECOMPUTE_ROLLUPS_JOB });
  },
});
