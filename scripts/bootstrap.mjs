// First step of `npm run demo` on a fresh clone: install dependencies when they are missing,
// so the one README command is enough. Plain Node (no dependencies needed to run it).
//
// It runs on whatever `node` comes first on the PATH: on a fresh clone that is the system's (maybe
// Node 20). `npm install` brings the node@24 dev dependency, whose binary npm then puts first on
// the PATH of every script, so the demo itself (`tsx scripts/demo.ts`, next, the worker) runs on
// Node 24 whatever the system has.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const SUPPORTED_MAJOR = 24;
const major = Number(process.versions.node.split(".")[0]);
const bundledNode = process.platform === "win32" ? "node_modules/.bin/node.cmd" : "node_modules/.bin/node";

if (!existsSync("node_modules/.bin/tsx") || !existsSync("generated/prisma/client.ts") || !existsSync(bundledNode)) {
  if (major < SUPPORTED_MAJOR) console.log(`[demo] system Node ${process.version}: npm install brings Node ${SUPPORTED_MAJOR} (the node@${SUPPORTED_MAJOR} dev dependency), which the demo runs on`);
  console.log("[demo] installing dependencies (npm install)...");
  // npm install, not npm ci: see .ci/run for why.
  const result = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) {
    console.error(`[demo] npm install failed (above).${major < 20 ? ` Node ${process.version} may be too old to run npm's installer: install Node ${SUPPORTED_MAJOR} (https://nodejs.org) and run \`npm run demo\` again.` : ""}`);
    process.exit(result.status ?? 1);
  }
}

const probe = spawnSync(bundledNode, ["--version"], { encoding: "utf8", shell: process.platform === "win32" });
const bundledMajor = Number(/^v(\d+)/.exec(probe.stdout?.trim() ?? "")?.[1] ?? 0);
if (bundledMajor < SUPPORTED_MAJOR) {
  console.error(
    `[demo] node_modules has no Node ${SUPPORTED_MAJOR} (${bundledNode} ${probe.error ? "is missing" : `reports ${probe.stdout?.trim() || "nothing"}`}). ` +
      `Run \`npm install\` (it installs the node@${SUPPORTED_MAJOR} dev dependency), or install Node ${SUPPORTED_MAJOR} from https://nodejs.org, then \`npm run demo\` again.`,
  );
  process.exit(1);
}
