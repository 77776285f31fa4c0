// The background worker (jobs/worker.ts) as its own process, the way it is deployed: the
// benchmarks that measure work done off the request path (a settings recompute, an ingestion
// across an organization) start one or more and read what they log (pino, one JSON object a line).
import { spawn } from "node:child_process";

export interface WorkerProcess {
  pid: number;
  /** Every JSON line the worker has logged so far. */
  logs: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** Starts `npm run worker` with these variables on top of the bench's own; resolves once it reports started. */
export async function startWorker(env: Record<string, string>, name: string, log: (m: string) => void): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "jobs/worker.ts"], { env: { ...process.env, LOG_LEVEL: "info", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const logs: Array<Record<string, unknown>> = [];
  let pending = "";
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (entry.msg === "worker started") resolve();
          if (typeof entry.level === "number" && entry.level >= 50) log(`[${name}] ${String(entry.msg)} ${JSON.stringify(entry.err ?? "")}`);
        } catch {
          // not a log line (tsx or Node warnings)
        }
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString("utf8")).slice(-4000)));
    void exited.then((code) => reject(new Error(`worker ${name} exited (${code}) before it started: ${stderr}`)));
  });
  await started;
  return {
    pid: child.pid!,
    logs,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
