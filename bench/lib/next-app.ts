// The built app served by `next start` against a benchmark database. The build is made in a copy
// of the sources under .data/bench-app (node_modules linked, not copied), so it never replaces the
// .next/ that other engineers' end-to-end runs are serving from at the same moment.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, statSync, symlinkSync } from "node:fs";
import path from "node:path";
import { ChildGroup, freePort, waitForHttp } from "@/lib/process/children";

// Under .data/ (ignored by tsc, eslint and git) so the copy never shows up in anyone's lint or typecheck.
export const APP_COPY = path.resolve(process.env.DATA_DIR ?? ".data", "bench-app");
const EXCLUDES = ["node_modules", ".next", ".data", "bench/.data", "test-results", "playwright-report", "e2e/artifacts", "*.tsbuildinfo", ".git"];

export interface RunningApp {
  baseUrl: string;
  appDir: string;
  buildSeconds: number | null;
  /** The `npx next start` process: its tree is the server (bench/viewers.ts reads its CPU). */
  pid: number;
  stop(): Promise<void>;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}`))));
  });
}

/** Copies the sources and runs `next build` there; returns the build's seconds. */
export async function buildAppCopy(log: (m: string) => void): Promise<number> {
  const root = process.cwd();
  // rsync creates the copy's folder but not its parents (.data/ is missing when DATABASE_URL is set).
  mkdirSync(path.dirname(APP_COPY), { recursive: true });
  execFileSync("rsync", ["-a", "--delete", ...EXCLUDES.map((e) => `--exclude=/${e}`), `${root}/`, `${APP_COPY}/`]);
  if (!existsSync(path.join(APP_COPY, "node_modules"))) symlinkSync(path.join(root, "node_modules"), path.join(APP_COPY, "node_modules"));
  log(`[app] next build in ${APP_COPY}`);
  const started = performance.now();
  await run("npx", ["--no-install", "next", "build"], APP_COPY, { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" });
  return (performance.now() - started) / 1000;
}

/**
 * Serves a production build against `databaseUrl`. Builds the copy when asked or missing; in smoke
 * mode (`smoke`) never builds (minutes): it serves the copy's build, else the repository's own
 * .next/ (read-only), else answers null and the caller skips the browser and load benchmarks.
 * `env` overrides the server's environment (bench/auth-http.ts serves AUTH_MODE=oidc).
 */
export async function startApp(
  databaseUrl: string,
  opts: { build: boolean; smoke?: boolean; log: (m: string) => void; env?: Record<string, string> },
): Promise<RunningApp | null> {
  let buildSeconds: number | null = null;
  let appDir = APP_COPY;
  const built = (dir: string) => existsSync(path.join(dir, ".next/BUILD_ID"));
  if (opts.smoke && !opts.build && !built(APP_COPY)) {
    if (!built(process.cwd())) return null;
    appDir = process.cwd();
  } else if (opts.build || !built(APP_COPY)) buildSeconds = await buildAppCopy(opts.log);
  opts.log(`[app] serving the build of ${statSync(path.join(appDir, ".next/BUILD_ID")).mtime.toISOString()} in ${appDir}`);
  const port = await freePort();
  const children = new ChildGroup();
  // Node's default heap, as users run it (the overview once needed 4.5 GB at 1,000,000 resources; no longer).
  const env = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), LOG_LEVEL: "warn", AUTH_MODE: process.env.AUTH_MODE || "none", ...opts.env };
  // Only 127.0.0.1: the load test never leaves the machine.
  const web = children.start("web", "npx", ["--no-install", "next", "start", appDir, "-H", "127.0.0.1", "-p", String(port)], { ...env }, undefined);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/api/freshness`, 120_000);
  return { baseUrl, appDir, buildSeconds, pid: web.pid!, stop: () => children.stopAll() };
}
