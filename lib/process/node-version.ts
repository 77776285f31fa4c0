// The supported runtime is Node.js 24 LTS (package.json engines). `npm run <script>` gets it from
// the `node` dev dependency, which npm puts first on the PATH of every script, so this check only
// speaks when something is started another way (`npx next start`, `node ...`, a service file) on
// an older system Node, or when node_modules lacks that package.
export const SUPPORTED_NODE_MAJOR = 24;
/** Below this nothing starts anyway: Prisma 7 and Next.js 16 need Node 20.19. */
const MINIMUM = [20, 19] as const;

export type NodeVersionVerdict = { level: "ok" } | { level: "warn" | "fatal"; message: string };

export function judgeNodeVersion(version: string, viaNpm: boolean): NodeVersionVerdict {
  const [major = 0, minor = 0] = version.replace(/^v/, "").split(".").map(Number);
  if (major >= SUPPORTED_NODE_MAJOR) return { level: "ok" };
  const fix = viaNpm
    ? `npm did not put Node ${SUPPORTED_NODE_MAJOR} on the PATH: run \`npm install\` (it installs the node@${SUPPORTED_NODE_MAJOR} dev dependency) and start again`
    : `start it through npm (\`npm start\`, \`npm run worker\`, \`npm run demo\`), which runs the Node ${SUPPORTED_NODE_MAJOR} of the node@${SUPPORTED_NODE_MAJOR} dev dependency, or install Node ${SUPPORTED_NODE_MAJOR}`;
  const tooOld = major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1]);
  return tooOld
    ? { level: "fatal", message: `Node ${version} cannot run this app (Node ${SUPPORTED_NODE_MAJOR} is required): ${fix}.` }
    : { level: "warn", message: `Node ${version} is not supported (Node 20 reached end of life in April 2026; the app is built and tested on Node ${SUPPORTED_NODE_MAJOR}): ${fix}.` };
}

/** Warns on a Node older than 24, exits on one nothing here can run on. */
export function checkNodeVersion(who: string): void {
  const verdict = judgeNodeVersion(process.version, Boolean(process.env.npm_lifecycle_event));
  if (verdict.level === "ok") return;
  console.error(`[${who}] ${verdict.level === "fatal" ? "error" : "warning"}: ${verdict.message}`);
  if (verdict.level === "fatal") process.exit(1);
}
