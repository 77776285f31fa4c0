import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

/** Child processes started by a launcher script, stopped together on Ctrl-C or on exit. */
export class ChildGroup {
  private readonly children: ChildProcess[] = [];

  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, onExit?: (code: number | null) => void): ChildProcess {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env, detached: true });
    const prefix = (line: string) => `[${name}] ${line}`;
    child.stdout?.on("data", (d: Buffer) => process.stdout.write(d.toString().split("\n").filter(Boolean).map(prefix).join("\n") + "\n"));
    child.stderr?.on("data", (d: Buffer) => process.stderr.write(d.toString().split("\n").filter(Boolean).map(prefix).join("\n") + "\n"));
    child.on("exit", (code) => onExit?.(code));
    this.children.push(child);
    return child;
  }

  /** SIGTERM each process group, then SIGKILL what is still alive after `graceMs`. */
  async stopAll(graceMs = 5_000): Promise<void> {
    const alive = this.children.filter((c) => c.exitCode === null && c.pid);
    for (const c of alive) signal(c, "SIGTERM");
    await Promise.race([
      Promise.all(alive.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r))))),
      new Promise((r) => setTimeout(r, graceMs)),
    ]);
    for (const c of alive) if (c.exitCode === null) signal(c, "SIGKILL");
  }
}

function signal(child: ChildProcess, sig: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, sig); // the whole group: `next start` forks a worker of its own
  } catch {
    child.kill(sig);
  }
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

/** A TCP port free on loopback right now (for a server started next). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}
