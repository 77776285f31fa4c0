import { runRequestSchema } from "@/lib/ingestion/run-request";
import { startRun } from "@/jobs/ingestion/start-run";
import { runningRun } from "@/lib/ingestion/run-admission";
import { INGEST_RUN_JOB, STALE_UNIT_MS } from "@/lib/ingestion/queue-names";
import { failAbandonedUnits } from "@/lib/store/ingestion-runs";
import { EVALUATE_ALERTS_JOB } from "@/lib/alerts/evaluate";
import { defineJob } from "./types";

/** Starts a run (the daily schedule sends this): resolve scope, record units, queue them. */
export const ingestRunJob = defineJob({
  id: INGEST_RUN_JOB,
  payload: runRequestSchema,
  concurrency: 1,
  async handler(payload, { db, log, send }) {
    // Before a new run, settle any earlier run left RUNNING by a worker that died mid-unit.
    const settled = await failAbandonedUnits(db, STALE_UNIT_MS);
    if (settled.length) {
      log.warn({ runs: settled }, "settled runs with abandoned units");
      await send(EVALUATE_ALERTS_JOB, { reason: "abandoned runs settled" });
    }
    // One run at a time: a schedule firing during a long run (or a CLI run) is skipped.
    const running = await runningRun(db);
    if (running) {
      log.warn({ runningRunId: running.id, trigger: payload.trigger }, "a run is still running: this run request is skipped");
      return;
    }
    const run = await startRun(db, send, payload);
    log.info({ runId: run.runId, units: run.unitsTotal, accounts: run.accounts.length, regions: run.regions }, "ingestion run started");
  },
});
