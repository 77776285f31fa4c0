import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/config/env";

export type Db = PrismaClient;

// On globalThis: Next.js bundles this module once per route, while the client of db() is shared
// through globalThis, so a module-level map would not know a client another route built.
const globalForPools = globalThis as unknown as { kmsFinopsPools?: WeakMap<Db, pg.Pool> };
const pools = (globalForPools.kmsFinopsPools ??= new WeakMap<Db, pg.Pool>());

/**
 * A Prisma client over node-postgres. Prisma 7 has no bundled query engine: the driver
 * adapter is the only way in, so every process (app, worker, CLI, tests) builds it here.
 * The pg pool under it is kept too (poolOf): COPY, which Prisma does not offer, runs on it.
 */
export function createDb(url: string | undefined = env().DATABASE_URL, poolSize = 10): Db {
  if (!url) {
    throw new Error("DATABASE_URL is not set: start through `npm run demo` / `npm run db`, or export DATABASE_URL=postgresql://...");
  }
  // Idle connections close after a while, so a finished CLI process is not kept alive by them.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
  // An idle client killed by the server (restart, DROP DATABASE ... FORCE) must not crash the process.
  pool.on("error", () => {});
  // $disconnect ends the pool too.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/** The node-postgres pool `db` runs on (for COPY and bulk transactions). */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("this Prisma client was not built by createDb (lib/db/client.ts): it has no pg pool");
  return pool;
}

const globalForDb = globalThis as unknown as { kmsFinopsDb?: Db };

/** The process-wide client for the web app (survives Next.js dev reloads). */
export function db(): Db {
  globalForDb.kmsFinopsDb ??= createDb();
  return globalForDb.kmsFinopsDb;
}
