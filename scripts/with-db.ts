// Runs a command with DATABASE_URL pointing at a fresh scratch database: on the server of the
// given DATABASE_URL, or on the embedded Postgres when none is given. Used by the test command.
import { spawn } from "node:child_process";
import { ensureDatabase } from "@/lib/db/ensure";
import { createScratchDatabase } from "@/lib/db/scratch";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: tsx scripts/with-db.ts <command> [args...]");
  process.exit(2);
}
const server = await ensureDatabase({ database: "kms_finops_test", dataSubdir: "postgres-test", log: (m) => console.log(`[db] ${m}`) });
const scratch = await createScratchDatabase(server.url);
console.log(`[db] scratch database ${new URL(scratch.url).pathname.slice(1)} on ${server.embedded ? "embedded Postgres" : "DATABASE_URL server"}`);
const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, DATABASE_URL: scratch.url, TEST_SERVER_URL: server.url } });
const code: number = await new Promise((resolve) => child.on("close", (c) => resolve(c ?? 1)));
await scratch.drop().catch((e) => console.error(`[db] could not drop scratch database: ${e}`));
await server.stop();
process.exit(code);
