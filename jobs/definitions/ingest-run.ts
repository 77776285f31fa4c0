import { runRequestSchema } from "@/lib/ingestion/run-request";
import { startRun } from "@/lib/ingestion/start-run";
import { INGEST_RUN_JOB } from "@/lib/ingestion/queue-names";
import { defineJob } from "./types";

/** Starts a run (the daily schedule sends this): resolve scope, record units, queue them. */
export const ingestRunJob = defineJob({
  id: INGEST_RUN_JOB,
  payload: runRequestSchema,
  concurrency: 1,
  async handler(payload, { db, log, send }) {
    const run = await startRun(db, send, payload);
    log.info({ runId: run.runId, units: run.unitsTotal, accounts: run.accounts.length, regions: run.regions }, "ingestion run started");
  },
});
