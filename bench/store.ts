// Store throughput: normalized records written through storeInventorySnapshot (one transaction
// per account-region), at the size of the ingestion benchmark's account-region (10,000 keys,
// 50,000 resources; bench/lib/store-org.ts). Each round stores a region of its own three times: a
// first snapshot (all new versions), the next day with 10% of the resources changed (diff + close
// + insert), and a same-day rerun (undo + rewrite of the day). Target ≥ 50,000 resources/s, the
// keys' time included. Many rounds, because one pass takes under a second and a single sample
// swings ±20% with whatever else the two cores are doing; the table gives the median and the
// range. Needs DATABASE_URL; run through scripts/with-db.ts:
//   npx tsx scripts/with-db.ts node --expose-gc --import tsx bench/store.ts --resources 50000 --keys 10000 --rounds 15
import { Command } from "commander";
import { createDb } from "@/lib/db/client";
import type { InventorySnapshot } from "@/lib/domain/records";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { nodeCpuMs, postgresCpuMs } from "./lib/cpu";
import { machine } from "./lib/machine";
import { summarize } from "./lib/stats";
import { storeSnapshot } from "./lib/store-org";

const opts = new Command()
  .option("--resources <n>", "storage resources per snapshot", (v) => Number(v), 50_000)
  .option("--keys <n>", "keys per snapshot", (v) => Number(v), 10_000)
  .option("--rounds <n>", "regions stored, each with the three passes", (v) => Number(v), 15)
  .parse()
  .opts<{ resources: number; keys: number; rounds: number }>();

const PASSES = [
  { pass: "first snapshot (all new)", day: "2026-01-01", changedEvery: null },
  { pass: "next day, 10% changed", day: "2026-01-02", changedEvery: 10 },
  { pass: "same-day rerun (replace)", day: "2026-01-02", changedEvery: 10 },
] as const;

const db = createDb(process.env.DATABASE_URL, 4);
const settings = defaultPolicySettings;
const size = { keys: opts.keys, resources: opts.resources };
const snapshotOf = (region: string, changedEvery: number | null) => storeSnapshot({ region, changedEvery, ...size });
const store = (day: string, snapshot: InventorySnapshot) => storeInventorySnapshot(db, { day, runId: null, snapshot, settings });

// Warm-up: a first snapshot of another region, untimed, so the rounds measure a worker that is
// already running (JIT-compiled code, open connections), as in an ingestion of many units.
await store("2026-01-01", snapshotOf("warm-up-1", null));

// In an ingestion the records are collected over minutes (GetKeyLastUsage alone takes 2,000 s for
// 10,000 keys), so by the time they are stored they have long survived collections. Built just
// before the clock starts, collecting them would fall into the pass; a full collection first
// (node --expose-gc; a no-op without it) leaves the pass only its own garbage.
const settle = () => (globalThis as { gc?: () => void }).gc?.();

const seconds: number[][] = PASSES.map(() => []);
const nodeMs: number[][] = PASSES.map(() => []);
const postgresMs: number[][] = PASSES.map(() => []);
let versions = "";
for (let round = 0; round < opts.rounds; round++) {
  const region = `bench-${round + 1}`;
  for (const [i, { day, changedEvery }] of PASSES.entries()) {
    const snapshot = snapshotOf(region, changedEvery); // built before the clock starts: the records are the input
    settle();
    const [node0, pg0, t] = [nodeCpuMs(), postgresCpuMs(), performance.now()];
    const result = await store(day, snapshot);
    seconds[i]!.push((performance.now() - t) / 1000);
    nodeMs[i]!.push(nodeCpuMs() - node0);
    const pg1 = postgresCpuMs();
    if (pg0 !== null && pg1 !== null) postgresMs[i]!.push(pg1 - pg0);
    if (round === 0) versions += ` ${result.resources.added}/${result.resources.changed}/${result.resources.unchanged};`;
  }
}

const rate = (s: number) => Math.round(opts.resources / s).toLocaleString("en-US");
const m = machine();
console.log(`\nStore throughput: ${opts.resources} resources + ${opts.keys} keys per snapshot, ${opts.rounds} rounds (one region each)`);
console.log(`machine: ${m.nproc} cores, ${m.cpuModel}, load average ${m.loadavg.join(" ")}; resources added/changed/unchanged per pass:${versions}\n`);
console.log("| pass | median s | resources/s at median | records/s at median | slowest round | fastest round | CPU ms: Node / Postgres (medians) |\n|---|---:|---:|---:|---:|---:|---:|");
for (const [i, { pass }] of PASSES.entries()) {
  const s = summarize(seconds[i]!);
  const records = Math.round((opts.resources + opts.keys) / s.median).toLocaleString("en-US");
  const cpu = `${summarize(nodeMs[i]!).median.toFixed(0)} / ${postgresMs[i]!.length ? summarize(postgresMs[i]!).median.toFixed(0) : "n/a"}`;
  console.log(`| ${pass} | ${s.median.toFixed(2)} | ${rate(s.median)} | ${records} | ${rate(s.max)} | ${rate(s.min)} | ${cpu} |`);
}
await db.$disconnect();
