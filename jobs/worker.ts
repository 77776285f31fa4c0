// The background worker: registers every job on the Postgres-backed queue (pg-boss) and stops
// cleanly on SIGTERM/SIGINT, finishing the jobs in hand. Several workers, on one machine or many,
// share the queue; pg-boss hands each job to exactly one of them.
import { hostname } from "node:os";
import PgBoss from "pg-boss";
import pino from "pino";
import { parseEnv, ConfigError } from "@/lib/config/env";
import { createDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { jobs } from "./registry";

const log = pino({ name: "worker", level: process.env.LOG_LEVEL ?? "info" });

async function main(): Promise<void> {
  const env = parseEnv();
  if (!env.DATABASE_URL) throw new ConfigError("DATABASE_URL is required for the worker (npm run demo sets it)");
  await migrate(env.DATABASE_URL);
  const db = createDb(env.DATABASE_URL, 5);
  const boss = new PgBoss({ connectionString: env.DATABASE_URL, max: 5 });
  boss.on("error", (error) => log.error({ err: error }, "queue error"));
  await boss.start();
  const workerId = `${hostname()}:${process.pid}`;

  for (const job of jobs) {
    await boss.createQueue(job.id);
    // pg-boss 10 has no per-queue concurrency setting: each work() call is one poller.
    for (let slot = 0; slot < job.concurrency; slot++) await boss.work(job.id, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([item]) => {
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
        send: (id, payload, options) => boss.send(id, payload as object, options ?? {}),
      });
    });
  }
  log.info({ jobs: jobs.map((j) => j.id), workerId }, "worker started");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping worker");
    await boss.stop({ graceful: true, timeout: 20_000 });
    await db.$disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  log.fatal(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
