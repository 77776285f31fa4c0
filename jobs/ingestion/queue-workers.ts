// Puts job definitions to work on a pg-boss instance: used by the worker process and by the
// CLI's in-process workers, so both run the same handlers the same way.
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { parseIngestionConfig } from "@/lib/config/ingestion";
import { INGEST_RUN_JOB, runJobOptions } from "@/lib/ingestion/queue-names";
import type { JobDefinition } from "@/jobs/definitions/types";

export interface WorkOptions {
  db: Db;
  log: Logger;
  workerId: string;
  /** Per job id: pollers to start instead of the definition's concurrency. */
  concurrency?: Record<string, number>;
}

export async function startJobWorkers(boss: PgBoss, jobs: readonly JobDefinition[], options: WorkOptions): Promise<void> {
  const { db, log, workerId } = options;
  // Workers starting together on a fresh database deadlock inside pg-boss's createQueue (each
  // creates the queue's partition); one advisory lock makes them create queues one at a time.
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('kms-finops:create-queues'))`);
      for (const job of jobs) await boss.createQueue(job.id);
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
  for (const job of jobs) {
    // pg-boss 10 has no per-queue concurrency setting: each work() call is one poller.
    const slots = options.concurrency?.[job.id] ?? job.concurrency;
    for (let slot = 0; slot < slots; slot++) {
      await boss.work(job.id, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([item]) => {
        if (!item) return;
        const parsed = job.payload.safeParse(item.data);
        if (!parsed.success) {
          // A malformed payload will not get better on retry: fail it with the reason.
          throw new Error(`invalid payload for ${job.id}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
        }
        await job.handler(parsed.data, {
          db,
          log: log.child({ job: job.id, jobId: item.id }),
          workerId,
          send: (id, payload, sendOptions) => boss.send(id, payload as object, sendOptions ?? {}),
        });
      });
    }
  }
}

/**
 * The daily ingestion (INGEST_SCHEDULE, UTC). pg-boss keeps one schedule per queue name in the
 * database and fires it once across all workers, so every worker may install it.
 */
export async function installIngestionSchedule(boss: PgBoss, log: Logger): Promise<void> {
  const config = env(parseIngestionConfig);
  await boss.createQueue(INGEST_RUN_JOB);
  await boss.schedule(INGEST_RUN_JOB, config.schedule, { trigger: "SCHEDULE" }, { tz: "UTC", ...runJobOptions });
  log.info({ cron: config.schedule }, "ingestion scheduled");
}

/** The jobs that declare a `schedule` (pg-boss fires each once across all workers, like the ingestion's). */
export async function installJobSchedules(boss: PgBoss, jobs: readonly JobDefinition[], log: Logger): Promise<void> {
  for (const job of jobs) {
    if (!job.schedule) continue;
    await boss.schedule(job.id, job.schedule, {}, { tz: "UTC", retryLimit: 0 });
    log.info({ job: job.id, cron: job.schedule }, "job scheduled");
  }
}
