// CPU time spent by this Node process and by the Postgres server processes on this machine, so a
// benchmark can say which side bounds it (on two cores, both compete for the same CPUs).
import { readdirSync, readFileSync } from "node:fs";

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat on Linux.
const CLOCK_TICKS_PER_SECOND = 100;

/** Milliseconds of CPU used so far by every process named `postgres`; null where /proc is missing. */
export function postgresCpuMs(): number | null {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    const parsed = parseStat(stat);
    if (parsed.name === "postgres") ticks += parsed.ticks;
  }
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

function parseStat(stat: string): { name: string; ticks: number } {
  const close = stat.lastIndexOf(")");
  const fields = stat.slice(close + 2).split(" ");
  // utime, stime (fields 14 and 15 of stat)
  return { name: stat.slice(stat.indexOf("(") + 1, close), ticks: Number(fields[11]) + Number(fields[12]) };
}

/** Milliseconds of CPU one process (a Postgres backend, a worker) has used so far; null when it is gone or /proc is missing. */
export function processCpuMs(pid: number): number | null {
  try {
    return (parseStat(readFileSync(`/proc/${pid}/stat`, "utf8")).ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Milliseconds of CPU this process has used (every thread: JavaScript, GC, libuv). */
export const nodeCpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Milliseconds of CPU used so far by process `root` and every process under it (`next start` forks its server). */
export function processTreeCpuMs(root: number): number | null {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(pid), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      continue; // exited meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = stats.get(p)?.parent ?? 0, hops++) if (p === root) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, s] of stats) if (inTree(pid)) ticks += s.ticks;
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}
