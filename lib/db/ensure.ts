import { env } from "@/lib/config/env";
import { startEmbeddedPostgres } from "./embedded";
import { migrate } from "./migrate";

export interface ReadyDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when given; otherwise the embedded Postgres under DATA_DIR. Either way the
 * database is migrated before it is handed out.
 */
export async function ensureDatabase(opts: { database: string; dataSubdir?: string; log?: (m: string) => void }): Promise<ReadyDatabase> {
  const config = env();
  let ready: ReadyDatabase;
  if (config.DATABASE_URL) {
    ready = { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  } else {
    const dataDir = `${config.DATA_DIR}/${opts.dataSubdir ?? "postgres"}`;
    const port = config.EMBEDDED_PG_PORT + (opts.dataSubdir && opts.dataSubdir !== "postgres" ? 1 : 0);
    const embedded = await startEmbeddedPostgres({ dataDir, port, database: opts.database, log: opts.log });
    ready = { url: embedded.url, embedded: true, stop: embedded.stop };
  }
  const result = await migrate(ready.url);
  if (result.applied.length) opts.log?.(`applied migrations: ${result.applied.join(", ")}`);
  return ready;
}
