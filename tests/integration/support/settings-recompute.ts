// Integration tests run no worker: after a settings save they run the recompute it queued the
// way the worker would, through the rollups.recompute job's own handler.
import pino from "pino";
import { recomputeRollupsJob } from "@/jobs/definitions/recompute-rollups";
import type { Db } from "@/lib/db/client";
import { SETTINGS_RECOMPUTE_PAYLOAD } from "@/lib/rollups/queue-names";

/** Runs the settings recompute job once; the jobs it would send (alerts.evaluate) are dropped. */
export function runSettingsRecompute(db: Db): Promise<void> {
  return recomputeRollupsJob.handler(SETTINGS_RECOMPUTE_PAYLOAD, { db, log: pino({ level: "silent" }), workerId: "test", send: async () => null });
}
