import { createDb, type Db } from "@/lib/db/client";

// Integration tests run against the scratch database scripts/with-db.ts created (DATABASE_URL).
// Files run one at a time; each test starts from empty tables.

export function testDb(): Db {
  if (!process.env.DATABASE_URL) throw new Error("integration tests need DATABASE_URL: run them through `npm run test:integration`");
  return createDb(process.env.DATABASE_URL, 4);
}

/**
 * The dashboard's tables as the migrations left them, read from the catalog so that a new table
 * needs no list here: pg-boss keeps its queue in a schema of its own, and _prisma_migrations
 * records the migrations themselves.
 */
export async function schemaTables(db: Db): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ table: string }[]>(
    `SELECT tablename AS table FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1`,
  );
  return rows.map((r) => r.table);
}

export async function resetTables(db: Db): Promise<void> {
  const tables = await schemaTables(db);
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
}
