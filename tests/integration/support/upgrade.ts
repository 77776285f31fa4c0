// A scratch database as an earlier release left it: only the migrations before `upgrade` applied,
// so a test can write rows in the old shape, then run the remaining migrations (migrateRest).
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { defaultMigrationsDir, migrate } from "@/lib/db/migrate";
import { createScratchDatabase } from "@/lib/db/scratch";

export interface DatabaseBefore {
  url: string;
  /** Applies `upgrade` and every migration after it. */
  migrateRest(): Promise<void>;
  drop(): Promise<void>;
}

export async function databaseBefore(upgrade: string, prefix: string): Promise<DatabaseBefore> {
  const oldMigrations = await mkdtemp(path.join(tmpdir(), "migrations-"));
  for (const name of await readdir(defaultMigrationsDir)) {
    if (name < upgrade) await cp(path.join(defaultMigrationsDir, name), path.join(oldMigrations, name), { recursive: true });
  }
  try {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL!, prefix, oldMigrations);
    return {
      url: scratch.url,
      migrateRest: async () => void (await migrate(scratch.url)),
      drop: () => scratch.drop(),
    };
  } finally {
    await rm(oldMigrations, { recursive: true, force: true });
  }
}
