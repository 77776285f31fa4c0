import { z } from "zod";
import { env } from "@/lib/config/env";
import { parseIngestionConfig } from "@/lib/config/ingestion";
import { runIngestionUnit } from "@/jobs/ingestion/run-unit";
import { INGEST_UNIT_JOB } from "@/lib/ingestion/queue-names";
import { EVALUATE_ALERTS_JOB } from "@/lib/alerts/evaluate";
import { defineJob } from "./types";

/** One account-region (or the cost unit) of a run; a duplicate delivery is skipped by the claim. */
export const ingestUnitJob = defineJob({
  id: INGEST_UNIT_JOB,
  payload: z.object({ runId: z.string().uuid(), unitId: z.string().regex(/^\d+$/) }),
  /**
   * Units one worker process ingests at once (each account-region is paced on its own): read when
   * the worker registers the job, so an invalid INGEST_UNIT_CONCURRENCY stops its start-up with
   * the variable named rather than failing the import of this file.
   */
  get concurrency() {
    return env(parseIngestionConfig).unitConcurrency;
  },
  async handler(payload, { db, log, workerId, send }) {
    const outcome = await runIngestionUnit(db, payload, { workerId, log });
    // The run is finished and its rollups current: alert rules see the new data (or the failure).
    if (!outcome.skipped && outcome.closedRun) await send(EVALUATE_ALERTS_JOB, { runId: payload.runId, reason: "ingestion run finished" }, { singletonKey: `alerts:${payload.runId}` });
  },
});
