// The machine a figure was measured on, and how busy it was: the same `nproc`, `free -h` and CPU
// model a reader would check, plus the load average (other engineers run tests on this machine).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

export interface Machine {
  nproc: string;
  memory: string;
  cpuModel: string;
  node: string;
  postgres?: string;
  loadavg: number[];
}

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: "utf8" }).trim();
  } catch {
    return "?";
  }
}

export function machine(): Machine {
  const free = run("free", ["-h"]).split("\n").find((l) => l.startsWith("Mem:"))?.split(/\s+/)[1] ?? "?";
  let cpuModel = os.cpus()[0]?.model ?? "?";
  try {
    cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpuModel;
  } catch {
    // not Linux: os.cpus() it is
  }
  return { nproc: run("nproc", []), memory: `${free} total`, cpuModel, node: process.version, loadavg: os.loadavg().map((x) => Number(x.toFixed(2))) };
}
