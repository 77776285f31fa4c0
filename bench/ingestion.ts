// Ingestion of one large account-region behind the local AWS endpoint enforcing DOMAIN.md §4
// quotas: wall time against the minimum the quotas allow, and failed calls (target: ≤ 1.25× the
// minimum, zero failed calls). Needs DATABASE_URL; run through scripts/with-db.ts:
//   npx tsx scripts/with-db.ts npx tsx bench/ingestion.ts --keys 1000 --resources 50000 --quota-share 0.9
import { Command } from "commander";
import type { IngestionConfig } from "@/lib/config/ingestion";
import { createDb } from "@/lib/db/client";
import { startRun } from "@/jobs/ingestion/start-run";
import { runIngestionUnit } from "@/jobs/ingestion/run-unit";
import { API_QUOTAS_RPS } from "@/jobs/aws/pacing";
import { startAwsEndpoint } from "@/tests/aws-endpoint/server";
import { BENCH_ACCOUNT, BENCH_REGION, largeOrg, quotaFloor } from "./lib/large-org";

const opts = new Command()
  .option("--keys <n>", "customer managed keys", (v) => Number(v), 1000)
  .option("--resources <n>", "storage resources", (v) => Number(v), 50_000)
  .option("--quota-share <x>", "share of each quota the pacer uses", (v) => Number(v), 0.9)
  .parse()
  .opts<{ keys: number; resources: number; quotaShare: number }>();

const { org, mix } = largeOrg(opts.keys, opts.resources);
const { apis: bound, binding } = quotaFloor(opts.keys, opts.resources);

const endpoint = await startAwsEndpoint(org, { quotas: true });
Object.assign(process.env, { AWS_ENDPOINT_URL: endpoint.url, AWS_ACCESS_KEY_ID: "AKIABENCH", AWS_SECRET_ACCESS_KEY: "x", AWS_CONFIG_FILE: "/nonexistent", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent" });
const config: IngestionConfig = {
  accounts: [BENCH_ACCOUNT], regions: [BENCH_REGION], roleName: "KmsFinOpsReadOnly", externalId: null, managementAccountId: null,
  schedule: "0 3 * * *", costSettleDays: 3, skipAssumeRole: true, unitConcurrency: 1, quotaShare: opts.quotaShare,
};
const db = createDb(process.env.DATABASE_URL, 4);
const queued: Array<{ runId: string; unitId: string }> = [];
const started = await startRun(db, async (_id, p) => (queued.push(p as { runId: string; unitId: string }), "job"), { trigger: "CLI" }, config);
await Promise.all(queued.map((ids) => runIngestionUnit(db, ids, { workerId: "bench", config })));
const unit = await db.ingestionUnit.findFirstOrThrow({ where: { runId: started.runId, kind: "inventory" } });
const run = await db.ingestionRun.findUniqueOrThrow({ where: { id: started.runId }, include: { warnings: true } });
const wall = (unit.finishedAt!.getTime() - unit.startedAt!.getTime()) / 1000;
const throttled = [...endpoint.stats.throttled.values()].reduce((a, b) => a + b, 0);
const errors = [...endpoint.stats.errors.entries()];

console.log(`\nIngestion of one account-region: ${opts.keys} keys, ${opts.resources} resources (${JSON.stringify(mix)}), pacer quotaShare ${opts.quotaShare}\n`);
console.log("| API | calls | quota rps | seconds at quota |\n|---|---:|---:|---:|");
for (const b of bound) console.log(`| ${b.api} | ${b.calls} | ${b.rps} | ${b.seconds.toFixed(1)} |`);
console.log(`\n| figure | value |\n|---|---:|`);
console.log(`| minimum the quotas allow (${binding.api}) | ${binding.seconds.toFixed(1)} s |`);
console.log(`| wall time of the unit (collect + store) | ${wall.toFixed(1)} s |`);
console.log(`| ratio wall / minimum | ${(wall / binding.seconds).toFixed(3)}× |`);
console.log(`| keys / resources stored | ${unit.keysCount} / ${unit.resourcesCount} |`);
console.log(`| unit status / run status | ${unit.status} / ${run.status} |`);
console.log(`| requests sent (all) | ${[...endpoint.stats.requests.values()].reduce((a, b) => a + b, 0)} |`);
console.log(`| throttled answers (retried) | ${throttled} |`);
console.log(`| failed calls (non-throttle errors) | ${errors.reduce((n, [, c]) => n + c, 0)} ${errors.length ? JSON.stringify(errors) : ""} |`);
console.log(`| run warnings | ${run.warnings.length} |`);
console.log(`| 10,000 keys would need at least | ${(10_000 / (API_QUOTAS_RPS["kms:GetKeyLastUsage"] ?? 5)).toFixed(0)} s (GetKeyLastUsage at 5 rps) |`);
await endpoint.close();
await db.$disconnect();
