// First step of `npm run demo` on a fresh clone: install dependencies when they are missing,
// so the one README command is enough. Plain Node (no dependencies needed to run it).
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

if (!existsSync("node_modules/.bin/tsx") || !existsSync("generated/prisma/client.ts")) {
  console.log("[demo] installing dependencies (npm install)...");
  // npm install, not npm ci: see .ci/run for why.
  const result = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
