// The benchmark databases: one Postgres server (embedded under .data/postgres-bench, or the server
// of DATABASE_URL when set), one database per dataset, so the large, small and tiny datasets
// live side by side and each is generated once.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { migrate } from "@/lib/db/migrate";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { env } from "@/lib/config/env";
import { recomputeForSettings } from "@/lib/settings/recompute";
import { recomputeUnserved } from "@/lib/settings/recompute-status";

export type DatasetName = "large" | "small" | "tiny";

/**
 * Port of the bench's embedded Postgres. Not EMBEDDED_PG_PORT + 1 (what ensureDatabase would pick
 * for any non-default subdir): that is the test suite's server, and tests run while we measure.
 */
export const BENCH_PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54341);
export const BENCH_DATA_SUBDIR = "postgres-bench";

export interface BenchServer {
  /** URL of the server's maintenance database; swap the path for a dataset's database. */
  serverUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export function databaseName(dataset: DatasetName): string {
  const prefix = process.env.BENCH_DB_PREFIX ?? "kms_finops_bench";
  return dataset === "large" ? prefix : `${prefix}_${dataset}`;
}

export function datasetUrl(server: BenchServer, dataset: DatasetName): string {
  const url = new URL(server.serverUrl);
  url.pathname = `/${databaseName(dataset)}`;
  return url.toString();
}

export async function startBenchServer(log: (m: string) => void = () => {}): Promise<BenchServer> {
  const config = env();
  if (config.DATABASE_URL) {
    const url = new URL(config.DATABASE_URL);
    url.pathname = "/postgres";
    return { serverUrl: url.toString(), embedded: false, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: `${config.DATA_DIR}/${BENCH_DATA_SUBDIR}`,
    port: BENCH_PG_PORT,
    database: databaseName("large"),
    log,
  });
  const url = new URL(embedded.url);
  url.pathname = "/postgres";
  return { serverUrl: url.toString(), embedded: true, stop: embedded.stop };
}

async function admin<T>(server: BenchServer, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server.serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates (if missing) and migrates the dataset's database; returns its URL. */
export async function prepareDatasetDatabase(server: BenchServer, dataset: DatasetName, opts: { recreate?: boolean } = {}): Promise<string> {
  const name = databaseName(dataset);
  await admin(server, async (c) => {
    if (opts.recreate) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const found = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await c.query(`CREATE DATABASE "${name}"`);
  });
  const url = datasetUrl(server, dataset);
  await migrate(url);
  // A migration may leave the worker a recompute to do (20261207100000 prices the Bucket Key
  // savings of an existing inventory): the bench has no worker, so it does that once here.
  const prisma = benchPrisma(url);
  try {
    if (await recomputeUnserved(prisma)) await recomputeForSettings(prisma);
  } finally {
    await prisma.$disconnect();
  }
  return url;
}

export async function dropDatasetDatabase(server: BenchServer, dataset: DatasetName): Promise<void> {
  await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS "${databaseName(dataset)}" WITH (FORCE)`));
}

/**
 * A copy of a dataset's database (CREATE DATABASE ... TEMPLATE: a file-level copy), for a
 * benchmark that writes (a settings change rewrites the history): the dataset stays as generated.
 */
export async function copyDatasetDatabase(server: BenchServer, dataset: DatasetName, suffix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const source = databaseName(dataset);
  const name = `${source}_${suffix}`;
  await admin(server, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    // The template must have no other session: a pool just closed may still be disconnecting.
    for (let attempt = 1; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`);
        return;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  });
  const url = new URL(server.serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(server, async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))) };
}

/** One query on a dataset's database with a short-lived client. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A database of its own on the bench server (created fresh and migrated), e.g. for the history benchmark. */
export async function freshNamedDatabase(server: BenchServer, suffix: string): Promise<string> {
  const name = `${databaseName("large")}_${suffix}`;
  await admin(server, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(server.serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return url.toString();
}

export async function dropNamedDatabase(server: BenchServer, suffix: string): Promise<void> {
  await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS "${databaseName("large")}_${suffix}" WITH (FORCE)`));
}

/**
 * A Prisma client for loading benchmark data. Like createDb, but interactive transactions may run
 * for 30 minutes: at 1,000,000 resources a rollup transaction takes far longer than Prisma's
 * 5-second default (the cost-by-month rollup alone took 12 s here).
 */
export function benchPrisma(url: string, poolSize = 4): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolSize }), transactionOptions: { timeout: 1_800_000, maxWait: 60_000 } });
}
