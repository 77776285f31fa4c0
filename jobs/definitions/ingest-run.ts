import { z } from "zod";
import { isDay } from "@/lib/store/days";
import { isAccountId, isRegionName } from "@/lib/config/ingestion";
import { startRun } from "@/lib/ingestion/start-run";
import { INGEST_RUN_JOB } from "@/lib/ingestion/queue-names";
import { defineJob } from "./types";

/** Starts a run (the daily schedule sends this): resolve scope, record units, queue them. */
export const ingestRunJob = defineJob({
  id: INGEST_RUN_JOB,
  payload: z.object({
    trigger: z.enum(["SCHEDULE", "CLI", "UI", "DEMO"]).default("SCHEDULE"),
    accounts: z.array(z.string().refine(isAccountId, "must be a 12-digit account id")).optional(),
    regions: z.array(z.string().refine(isRegionName, "must be a region name")).optional(),
    since: z.string().refine(isDay, "must be a day YYYY-MM-DD").optional(),
  }),
  concurrency: 1,
  async handler(payload, { db, log, send }) {
    const run = await startRun(db, send, payload);
    log.info({ runId: run.runId, units: run.unitsTotal, accounts: run.accounts.length, regions: run.regions }, "ingestion run started");
  },
});
