import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

export type Db = PrismaClient;

/**
 * A Prisma client over node-postgres. Prisma 7 has no bundled query engine: the driver
 * adapter is the only way in, so every process (app, worker, CLI, tests) builds it here.
 */
export function createDb(url: string | undefined = process.env.DATABASE_URL, poolSize = 10): Db {
  if (!url) {
    throw new Error("DATABASE_URL is not set: start through `npm run demo` / `npm run db`, or export DATABASE_URL=postgresql://...");
  }
  const adapter = new PrismaPg({ connectionString: url, max: poolSize });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { kmsFinopsDb?: Db };

/** The process-wide client for the web app (survives Next.js dev reloads). */
export function db(): Db {
  globalForDb.kmsFinopsDb ??= createDb();
  return globalForDb.kmsFinopsDb;
}
