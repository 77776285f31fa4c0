// The background worker: registers every job on the Postgres-backed queue (pg-boss) and stops
// cleanly on SIGTERM/SIGINT, finishing the jobs in hand. Several workers, on one machine or many,
// share the queue; pg-boss hands each job to exactly one of them.
import { hostname } from "node:os";
import PgBoss from "pg-boss";
import pino from "pino";
import { env, ConfigError } from "@/lib/config/env";
import { parseIngestionConfig } from "@/lib/config/ingestion";
import { createDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { awsTimeoutsFromEnv } from "./aws/clients";
import { jobs } from "./registry";
import { checkAlertsKeyAtStartup } from "@/lib/alerts/secrets";
import { failAbandonedUnits } from "@/lib/store/ingestion-runs";
import { STALE_UNIT_MS } from "@/lib/ingestion/queue-names";
import { RECOMPUTE_ROLLUPS_JOB, SETTINGS_RECOMPUTE_PAYLOAD, settingsRecomputeJobOptions } from "@/lib/rollups/queue-names";
import { recomputeUnserved } from "@/lib/settings/recompute-status";
import { installIngestionSchedule, installJobSchedules, startJobWorkers } from "./ingestion/queue-workers";

// At info until the environment is validated: a bad setting is logged before LOG_LEVEL applies.
const log = pino({ name: "worker", level: "info" });

async function main(): Promise<void> {
  const config = env();
  log.level = config.LOG_LEVEL ?? "info";
  // Every concern the worker reads is validated now, not at its first unit.
  env(parseIngestionConfig);
  env(awsTimeoutsFromEnv);
  if (!config.DATABASE_URL) throw new ConfigError("DATABASE_URL is required for the worker (npm run demo sets it)");
  await migrate(config.DATABASE_URL);
  const db = createDb(config.DATABASE_URL, 5);
  const boss = new PgBoss({ connectionString: config.DATABASE_URL, max: 5 });
  boss.on("error", (error) => log.error({ err: error }, "queue error"));
  await boss.start();
  const workerId = `${hostname()}:${process.pid}`;

  // Runs left RUNNING by a worker that died are settled at start and then every minute.
  const settleAbandoned = () =>
    failAbandonedUnits(db, STALE_UNIT_MS)
      .then((runs) => runs.length && log.warn({ runs }, "settled runs whose worker stopped responding"))
      .catch((error: unknown) => log.error({ err: error }, "settling abandoned units failed"));
  await settleAbandoned();
  const settler = setInterval(() => void settleAbandoned(), 60_000);

  await startJobWorkers(boss, jobs, { db, log, workerId });
  await installIngestionSchedule(boss, log);
  await installJobSchedules(boss, jobs, log);
  if (await recomputeUnserved(db)) await boss.send(RECOMPUTE_ROLLUPS_JOB, SETTINGS_RECOMPUTE_PAYLOAD, settingsRecomputeJobOptions);
  const alertsWarning = checkAlertsKeyAtStartup(config);
  if (alertsWarning) log.warn(alertsWarning);
  log.info({ jobs: jobs.map((j) => j.id), workerId }, "worker started");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping worker");
    clearInterval(settler);
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
