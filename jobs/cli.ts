// `npm run ingest -- [--accounts ..] [--regions ..] [--since YYYY-MM-DD] [--workers N]`: starts a
// run through the same code the schedule and the UI use, works its units with in-process
// workers on the queue (a separate worker may help), shows progress and a summary.
// Exit codes: 0 run SUCCEEDED or PARTIAL, 1 run FAILED, 2 invalid input or configuration.
import { Command, InvalidArgumentError } from "commander";
import PgBoss from "pg-boss";
import pino from "pino";
import { env } from "@/lib/config/env";
import { isAccountId, isRegionName, parseIngestionConfig } from "@/lib/config/ingestion";
import { createDb } from "@/lib/db/client";
import { ensureDatabase } from "@/lib/db/ensure";
import { isDay, toDay } from "@/lib/domain/days";
import { startRun } from "@/jobs/ingestion/start-run";
import { INGEST_UNIT_JOB, STALE_UNIT_MS } from "@/lib/ingestion/queue-names";
import { failAbandonedUnits } from "@/lib/store/ingestion-runs";
import { runningRun } from "@/lib/ingestion/run-admission";
import { awsTimeoutsFromEnv } from "./aws/clients";
import { jobs } from "./registry";
import { runCli } from "./cli-exit";
import { startJobWorkers } from "./ingestion/queue-workers";
import { countUnits, formatSummary, progressLine } from "./ingestion/report";

const list = (what: string, valid: (v: string) => boolean) => (value: string) => {
  const items = value.split(",").map((v) => v.trim()).filter(Boolean);
  const bad = items.filter((v) => !valid(v));
  if (items.length === 0 || bad.length) throw new InvalidArgumentError(`not ${what}: ${bad.join(", ") || "(empty)"}`);
  return items;
};

const program = new Command("ingest")
  .description("Ingest KMS keys, storage encryption and KMS costs from AWS into the dashboard database")
  .option("--accounts <ids>", "comma-separated 12-digit account ids (default INGEST_ACCOUNTS or AWS Organizations)", list("12-digit account ids", isAccountId))
  .option("--regions <names>", "comma-separated regions (default INGEST_REGIONS or EC2 DescribeRegions)", list("region names", isRegionName))
  .option("--since <day>", "fetch costs from this day (YYYY-MM-DD) instead of the incremental window", (v: string) => {
    if (!isDay(v) || v > toDay(new Date())) throw new InvalidArgumentError("must be a past day YYYY-MM-DD");
    return v;
  })
  .option("--workers <n>", "account-regions ingested at once in this process", (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError("must be an integer from 1 to 64");
    return n;
  })
  .showHelpAfterError()
  .exitOverride();

async function main(): Promise<number> {
  const opts = program.parse().opts<{ accounts?: string[]; regions?: string[]; since?: string; workers?: number }>();
  const config = env(parseIngestionConfig);
  env(awsTimeoutsFromEnv);
  const say = (m: string) => process.stderr.write(`[ingest] ${m}\n`);
  const database = await ensureDatabase({ database: "kms_finops", log: say });
  const db = createDb(database.url, 8);
  const boss = new PgBoss({ connectionString: database.url, max: 4 });
  const log = pino({ name: "ingest", level: env().LOG_LEVEL ?? "warn" }, pino.destination(2));
  boss.on("error", (error) => log.error({ err: error }, "queue error"));
  try {
    await boss.start();
    const settled = await failAbandonedUnits(db, STALE_UNIT_MS);
    if (settled.length) say(`settled ${settled.length} earlier run(s) whose worker stopped responding: ${settled.join(", ")}`);
    const running = await runningRun(db);
    if (running) {
      say(`run ${running.id} is still running (one run at a time): wait for it, or see it with GET /api/runs/${running.id}`);
      return 1;
    }
    const unitJobs = jobs.filter((j) => j.id === INGEST_UNIT_JOB);
    await startJobWorkers(boss, unitJobs, { db, log, workerId: `cli:${process.pid}`, concurrency: { [INGEST_UNIT_JOB]: opts.workers ?? config.unitConcurrency } });
    const started = await startRun(db, (id, payload, o) => boss.send(id, payload as object, o ?? {}), { trigger: "CLI", accounts: opts.accounts, regions: opts.regions, since: opts.since }, config);
    say(`run ${started.runId}: ${started.accounts.length} accounts × ${started.regions.length} regions (${started.regions.join(", ")}) + costs = ${started.unitsTotal} units`);

    const t0 = Date.now();
    const tty = process.stdout.isTTY;
    let last = "";
    for (;;) {
      const run = await db.ingestionRun.findUniqueOrThrow({ where: { id: started.runId }, include: { units: { select: { status: true } } } });
      const line = progressLine(countUnits(run.units), Date.now() - t0);
      const counts = line.replace(/ \d+s$/, "");
      if (tty) process.stdout.write(`\r${line}`);
      else if (counts !== last) process.stdout.write(`${line}\n`);
      last = counts;
      const rollups = (run.scope as { rollups?: string }).rollups;
      if (run.finishedAt && (rollups !== undefined && rollups !== "running")) break;
      await new Promise((r) => setTimeout(r, tty ? 250 : 1000));
    }
    if (tty) process.stdout.write("\n");
    const run = await db.ingestionRun.findUniqueOrThrow({ where: { id: started.runId }, include: { units: true, warnings: true } });
    process.stdout.write(`${formatSummary({ ...run, runId: run.id })}\n`);
    return run.status === "FAILED" ? 1 : 0;
  } finally {
    await boss.stop({ graceful: true, timeout: 10_000 }).catch(() => {});
    await db.$disconnect();
    await database.stop();
  }
}

runCli("ingest", main);
