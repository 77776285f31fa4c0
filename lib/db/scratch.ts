import pg from "pg";
import { randomBytes } from "node:crypto";
import { defaultMigrationsDir, migrate } from "./migrate";

/**
 * A fresh database on the same server as `serverUrl`, with the migrations of `migrationsDir`
 * applied, dropped by `drop()`. Tests use it so that they never touch the data of the database
 * they were pointed at.
 */
export async function createScratchDatabase(
  serverUrl: string,
  prefix = "kmsfinops_it",
  migrationsDir = defaultMigrationsDir,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString(), migrationsDir);
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
