// `npm run demo`: embedded Postgres (or DATABASE_URL) → migrations → demo organization when the
// database is empty → production build when needed → dashboard + background worker. Ctrl-C
// stops everything it started, the database included.
import { ensureDatabase } from "@/lib/db/ensure";
import { createDb } from "@/lib/db/client";
import { env, ConfigError } from "@/lib/config/env";
import { isDatabaseEmpty, loadDemo } from "@/lib/demo/load";
import { loadPolicySettings } from "@/lib/settings/load";
import { buildIfNeeded } from "@/lib/process/build";
import { ChildGroup, waitForHttp } from "@/lib/process/children";
import { checkNodeVersion } from "@/lib/process/node-version";
import { demoAlertsKey } from "@/lib/alerts/demo-key";

const log = (m: string) => console.log(`[demo] ${m}`);

async function main(): Promise<void> {
  checkNodeVersion("demo");
  const started = Date.now();
  const config = env();
  const database = await ensureDatabase({ database: "kms_finops", log });
  const children = new ChildGroup();
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log("stopping...");
    await children.stopAll();
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const db = createDb(database.url, 4);
    if (await isDatabaseEmpty(db)) {
      log(`loading the demo organization (seed ${config.DEMO_SEED})...`);
      const t = Date.now();
      await loadDemo(db, { seed: config.DEMO_SEED, scale: "small" }, await loadPolicySettings(db));
      log(`demo organization loaded in ${((Date.now() - t) / 1000).toFixed(1)}s`);
    } else log("database already has data: keeping it");
    await db.$disconnect();

    buildIfNeeded(log);
    // The demo signs every visitor in as a demo admin (lib/auth/with-access.ts) unless another
    // AUTH_MODE is set; AUTH_MODE=none binds to 127.0.0.1 only.
    const childEnv = {
      ...process.env,
      AUTH_MODE: process.env.AUTH_MODE || "demo",
      DATABASE_URL: database.url,
      NODE_ENV: "production" as const,
      NEXT_TELEMETRY_DISABLED: "1",
      ALERTS_SECRET_KEY: process.env.ALERTS_SECRET_KEY || (await demoAlertsKey(config.DATA_DIR)),
    };
    const bind = childEnv.AUTH_MODE === "none" ? ["-H", "127.0.0.1"] : [];
    const onExit = (name: string) => (code: number | null) => {
      if (!shuttingDown) {
        log(`${name} exited (code ${code}); stopping`);
        void shutdown(1);
      }
    };
    children.start("web", "npx", ["--no-install", "next", "start", "-p", String(config.PORT), ...bind], childEnv, onExit("web"));
    children.start("worker", "npx", ["--no-install", "tsx", "jobs/worker.ts"], childEnv, onExit("worker"));
    const url = `http://localhost:${config.PORT}`;
    await waitForHttp(url, 60_000);
    log(`dashboard ready at ${url} (${((Date.now() - started) / 1000).toFixed(1)}s) — Ctrl-C to stop`);
  } catch (error) {
    console.error(`[demo] ${error instanceof ConfigError ? error.message : (error as Error).stack}`);
    await shutdown(1);
  }
}

main().catch((error) => {
  console.error(`[demo] ${error instanceof ConfigError ? error.message : error}`);
  process.exit(1);
});
