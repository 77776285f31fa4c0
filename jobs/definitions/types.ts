import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Logger } from "pino";

export interface JobContext {
  db: Db;
  log: Logger;
  /** Enqueue another job (e.g. a run fans out into account-region units). */
  send(jobId: string, payload: unknown, options?: { singletonKey?: string }): Promise<string | null>;
  workerId: string;
}

/** A background job: an id, a zod payload schema and a handler (one file per job). */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  id: string;
  payload: S;
  /** Jobs of this kind one worker process runs at once. */
  concurrency: number;
  /** Cron (UTC) on which the worker sends this job with an empty payload, if it runs on a schedule. */
  schedule?: string;
  handler(payload: z.output<S>, ctx: JobContext): Promise<void>;
}

export function defineJob<S extends z.ZodType>(job: JobDefinition<S>): JobDefinition<S> {
  return job;
}
