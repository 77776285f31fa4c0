// `npm start`: the production server. With AUTH_MODE=none (no sign-in, every visitor an admin)
// it listens on 127.0.0.1 only, whatever -H was asked for: such a server must never be reachable
// from the network.
import { spawn } from "node:child_process";

const args = ["--no-install", "next", "start", ...process.argv.slice(2)];
if (process.env.AUTH_MODE === "none") {
  const host = args.findIndex((a) => a === "-H" || a === "--hostname");
  if (host >= 0) args.splice(host, 2);
  args.push("-H", "127.0.0.1");
  console.warn("AUTH_MODE=none: listening on 127.0.0.1 only");
}
const child = spawn("npx", args, { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
