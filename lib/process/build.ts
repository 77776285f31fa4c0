import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "generated", "next.config.ts", "proxy.ts", "package-lock.json", "postcss.config.mjs"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const st = statSync(entry);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** `next build` unless .next holds a build newer than every source it depends on. */
export function buildIfNeeded(log: (m: string) => void): void {
  const buildId = ".next/BUILD_ID";
  if (existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...SOURCES.map(newestMtime))) {
    log("production build is up to date");
    return;
  }
  log("building the dashboard (next build)...");
  const result = spawnSync("npx", ["--no-install", "next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
}
