// Store throughput: normalized records written through storeInventorySnapshot (one transaction
// per account-region). Three passes: a first snapshot (all inserts), the next day with 10% of the
// resources changed (diff + close + insert), and a same-day rerun (undo + rewrite of the day).
// Target ≥ 50,000 resources/s. Needs DATABASE_URL; run through scripts/with-db.ts:
//   npx tsx scripts/with-db.ts npx tsx bench/store.ts --resources 50000 --keys 1000
import { Command } from "commander";
import { createDb } from "@/lib/db/client";
import type { InventorySnapshot } from "@/lib/domain/records";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, cmk, volume } from "@/tests/fixtures/records";

const opts = new Command()
  .option("--resources <n>", "storage resources per snapshot", (v) => Number(v), 50_000)
  .option("--keys <n>", "keys per snapshot", (v) => Number(v), 1000)
  .parse()
  .opts<{ resources: number; keys: number }>();

const keyArn = (i: number) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/k${i}`;
function snapshot(changedEvery: number | null): InventorySnapshot {
  const keys = Array.from({ length: opts.keys }, (_, i) => cmk(`k${i}`, { tags: { "business-unit": `bu-${i % 7}`, owner: "t", "cost-center": "c" } }));
  const resources = Array.from({ length: opts.resources }, (_, i) => {
    const changed = changedEvery !== null && i % changedEvery === 0;
    return volume(`vol-${i}`, {
      sizeBytes: BigInt(8 + (i % 500)) * 1024n ** 3n,
      keyArn: keyArn(i % opts.keys),
      keyRef: keyArn(i % opts.keys),
      encryptionClass: "CUSTOMER_KMS",
      tags: { "business-unit": `bu-${i % 7}`, env: changed ? "prod" : i % 3 === 0 ? "prod" : "dev" },
    });
  });
  return { accountId: ACCOUNT, region: REGION, keys, keyUsage: [], resources, warnings: [] };
}

const db = createDb(process.env.DATABASE_URL, 4);
const settings = defaultPolicySettings;
const passes: Array<{ pass: string; day: string; snap: InventorySnapshot }> = [
  { pass: "first snapshot (all new)", day: "2026-01-01", snap: snapshot(null) },
  { pass: "next day, 10% changed", day: "2026-01-02", snap: snapshot(10) },
  { pass: "same-day rerun (replace)", day: "2026-01-02", snap: snapshot(10) },
];
// Warm-up: the same first snapshot in another region, untimed, so the timed passes measure a worker
// that is already running (JIT-compiled code, open connections), as in an ingestion of many units.
const warm = snapshot(null);
const OTHER = "eu-central-1";
// Every string mentioning the region (ARNs, the region field) moved to the other region.
const elsewhere = (v: unknown): unknown =>
  typeof v === "string" ? (v === REGION ? OTHER : v.replaceAll(`:${REGION}:`, `:${OTHER}:`))
  : Array.isArray(v) ? v.map(elsewhere)
  : v && typeof v === "object" && !(v instanceof Date) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, elsewhere(x)]))
  : v;
await storeInventorySnapshot(db, { day: "2026-01-01", runId: null, snapshot: elsewhere(warm) as InventorySnapshot, settings });
console.log(`\nStore throughput: ${opts.resources} resources + ${opts.keys} keys per snapshot, one account-region\n`);
console.log("| pass | seconds | resources/s | records/s | resources added/changed/unchanged |\n|---|---:|---:|---:|---|");
for (const { pass, day, snap } of passes) {
  const t = performance.now();
  const result = await storeInventorySnapshot(db, { day, runId: null, snapshot: snap, settings });
  const s = (performance.now() - t) / 1000;
  const r = result.resources;
  console.log(`| ${pass} | ${s.toFixed(2)} | ${Math.round(opts.resources / s).toLocaleString("en-US")} | ${Math.round((opts.resources + opts.keys) / s).toLocaleString("en-US")} | ${r.added}/${r.changed}/${r.unchanged} |`);
}
await db.$disconnect();
