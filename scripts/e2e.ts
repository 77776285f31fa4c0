// End-to-end tests: a scratch database with the small demo organization, the built app served
// in production mode, Playwright in Debian's Chromium against it. Requires a prior `next build`.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import PgBoss from "pg-boss";
import pino from "pino";
import { recomputeRollupsJob } from "@/jobs/definitions/recompute-rollups";
import type { JobDefinition } from "@/jobs/definitions/types";
import { startJobWorkers } from "@/jobs/ingestion/queue-workers";
import { createDb, type Db } from "@/lib/db/client";
import { ensureDatabase } from "@/lib/db/ensure";
import { createScratchDatabase } from "@/lib/db/scratch";
import { loadDemo } from "@/lib/demo/load";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { ChildGroup, freePort, waitForHttp } from "@/lib/process/children";
import { E2E_ROLE_MAP, OIDC_CLIENT, startOidcProvider, type RunningProvider } from "@/tests/oidc/provider";
import { startSmtpServer, type TestSmtpServer } from "@/tests/support/smtp-server";
import { startWebhookReceiver, type WebhookReceiver } from "@/tests/support/webhook-receiver";

const log = (m: string) => console.log(`[e2e] ${m}`);

if (!existsSync(".next/BUILD_ID")) {
  console.error("[e2e] no production build: run `npx next build` first (npm test does)");
  process.exit(2);
}
const server = await ensureDatabase({ database: "kms_finops_test", dataSubdir: "postgres-test", log });
const scratch = await createScratchDatabase(server.url, "kmsfinops_e2e");
const children = new ChildGroup();
let idp: RunningProvider | undefined;
// Where alert specs send: a real SMTP server and a real webhook receiver, read by the specs
// through their inbox URLs (E2E_SMTP_* and E2E_WEBHOOK_* below).
let smtp: TestSmtpServer | undefined;
let receiver: WebhookReceiver | undefined;
let code = 1;
let jobs: { boss: PgBoss; db: Db } | undefined;
try {
  const db = createDb(scratch.url, 4);
  const t = Date.now();
  await loadDemo(db, { seed: 42, scale: "small" }, defaultPolicySettings);
  await db.$disconnect();
  log(`demo organization loaded in ${((Date.now() - t) / 1000).toFixed(1)}s`);
  // No worker process runs here (specs run the jobs they exercise), but a settings save queues
  // its recompute: it is worked here, by the worker's own handler, so the Settings page gets to
  // "done" and the figures follow the new settings.
  jobs = { boss: new PgBoss({ connectionString: scratch.url, max: 2 }), db: createDb(scratch.url, 2) };
  // Dropping the scratch database at the end terminates the queue's idle connections (57P01):
  // an 'error' event without a listener would crash the harness after every spec passed.
  jobs.boss.on("error", (error) => {
    if ((error as { code?: string }).code !== "57P01") console.error(`[e2e] queue error: ${error.message}`);
  });
  await jobs.boss.start();
  await startJobWorkers(jobs.boss, [recomputeRollupsJob as unknown as JobDefinition], { db: jobs.db, log: pino({ level: "warn" }), workerId: "e2e:settings" });
  const port = await freePort();
  smtp = await startSmtpServer();
  receiver = await startWebhookReceiver({ secret: randomBytes(24).toString("hex") });
  const env = {
    ...process.env,
    DATABASE_URL: scratch.url,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    AUTH_MODE: "none",
    ALERTS_SECRET_KEY: randomBytes(32).toString("base64"),
  };
  const alertHarnessEnv = {
    E2E_SMTP_HOST: smtp.host,
    E2E_SMTP_PORT: String(smtp.port),
    E2E_SMTP_USER: smtp.user,
    E2E_SMTP_PASSWORD: smtp.password,
    E2E_SMTP_INBOX_URL: smtp.inboxUrl,
    E2E_WEBHOOK_URL: receiver.url,
    E2E_WEBHOOK_SECRET: receiver.secret,
    E2E_WEBHOOK_INBOX_URL: `${receiver.url}/__inbox`,
  };
  // Most specs read figures as the AUTH_MODE=none local admin (bound to 127.0.0.1 like any such
  // server); e2e/sign-in.spec.ts signs in through a real OIDC provider against a second server
  // of the same build and database, with AUTH_MODE=oidc (and e2e/demo-switcher.spec.ts one with
  // AUTH_MODE=demo, below).
  children.start("web", "npx", ["--no-install", "next", "start", "-p", String(port), "-H", "127.0.0.1"], env);
  const baseUrl = `http://127.0.0.1:${port}`;
  const oidcPort = await freePort();
  const appPort = await freePort();
  const oidcBaseUrl = `http://127.0.0.1:${appPort}`;
  idp = await startOidcProvider(oidcPort, `${oidcBaseUrl}/auth/callback`);
  const oidcEnv = {
    ...env,
    PORT: String(appPort),
    AUTH_MODE: "oidc",
    APP_URL: oidcBaseUrl,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: OIDC_CLIENT.id,
    OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    OIDC_SCOPES: "openid email profile groups",
    AUTH_ROLE_MAP: JSON.stringify(E2E_ROLE_MAP),
  };
  children.start("web-oidc", "npx", ["--no-install", "next", "start", "-p", String(appPort), "-H", "127.0.0.1"], oidcEnv);
  // e2e/demo-switcher.spec.ts needs what `npm run demo` serves (AUTH_MODE=demo): a third server
  // of the same build, started only when that spec is part of the run (one more Node process
  // is not free on a shared 2-core machine).
  const specs = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const demoBaseUrl = specs.length === 0 || specs.some((s) => s.includes("demo-switcher")) ? `http://127.0.0.1:${await freePort()}` : undefined;
  if (demoBaseUrl) {
    const demoPort = new URL(demoBaseUrl).port;
    children.start("web-demo", "npx", ["--no-install", "next", "start", "-p", demoPort, "-H", "127.0.0.1"], { ...env, PORT: demoPort, AUTH_MODE: "demo" });
  }
  await waitForHttp(baseUrl, 60_000);
  await waitForHttp(oidcBaseUrl, 60_000);
  if (demoBaseUrl) await waitForHttp(demoBaseUrl, 60_000);
  const playwright = spawn("npx", ["--no-install", "playwright", "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...env, ...alertHarnessEnv, E2E_BASE_URL: baseUrl, E2E_OIDC_BASE_URL: oidcBaseUrl, ...(demoBaseUrl ? { E2E_DEMO_BASE_URL: demoBaseUrl } : {}) },
  });
  code = await new Promise<number>((resolve) => playwright.on("close", (c) => resolve(c ?? 1)));
} catch (error) {
  console.error(`[e2e] ${(error as Error).stack}`);
} finally {
  await children.stopAll();
  await jobs?.boss.stop({ graceful: false, wait: true });
  await jobs?.db.$disconnect();
  await idp?.close();
  await smtp?.close();
  await receiver?.close();
  await scratch.drop().catch(() => {});
  await server.stop();
}
process.exit(code);
