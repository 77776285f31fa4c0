// `npm run db -- <command>`: database utilities.
//   start    run the embedded Postgres (or check DATABASE_URL), migrate, print the URL, wait for Ctrl-C
//   migrate  apply pending migrations to DATABASE_URL / the embedded database, then exit
import { Command } from "commander";
import { ensureDatabase } from "@/lib/db/ensure";

const log = (m: string) => console.log(`[db] ${m}`);
const program = new Command("db").description("database utilities");

program
  .command("migrate")
  .description("apply pending migrations, then exit")
  .action(async () => {
    const database = await ensureDatabase({ database: "kms_finops", log });
    log(`migrations up to date on ${database.embedded ? "the embedded Postgres" : "DATABASE_URL"}`);
    await database.stop();
  });

program
  .command("start")
  .description("run the database (embedded unless DATABASE_URL), print its URL, stop on Ctrl-C")
  .action(async () => {
    const database = await ensureDatabase({ database: "kms_finops", log });
    log(`DATABASE_URL=${database.url}`);
    const stop = async () => {
      await database.stop();
      process.exit(0);
    };
    process.on("SIGINT", () => void stop());
    process.on("SIGTERM", () => void stop());
  });

await program.parseAsync();
