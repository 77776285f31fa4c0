// `tsx lib/demo/cli.ts --scale small|large --seed N [--resources N --keys N --days N --accounts N
// --business-units N --key-request-days N --end-day YYYY-MM-DD] [--force]`: loads the demo
// organization into DATABASE_URL, printing progress and timing.
import { Command, InvalidArgumentError } from "commander";
import { createDb } from "@/lib/db/client";
import { loadPolicySettings } from "@/lib/settings/load";
import { isDatabaseEmpty, loadDemo } from "./load";
import { resolveDemoOptions, type DemoOptions, type DemoScale } from "./options";

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("must be a whole number ≥ 0");
  return n;
}

function scale(value: string): DemoScale {
  if (value !== "small" && value !== "large") throw new InvalidArgumentError("must be small or large");
  return value;
}

const program = new Command()
  .name("demo")
  .description("Load a deterministic demo organization (keys, resources, costs, history) into the database")
  .option("--scale <scale>", "preset: small (12 accounts, ~3,000 resources) or large (200 accounts, 1,000,000 resources)", scale, "small")
  .option("--seed <n>", "random seed: the same seed gives the same organization", integer, 42)
  .option("--end-day <day>", "last day of history, YYYY-MM-DD (default: today, UTC)")
  .option("--accounts <n>", "accounts", integer)
  .option("--business-units <n>", "business units", integer)
  .option("--keys <n>", "customer managed keys (AWS managed keys come on top)", integer)
  .option("--resources <n>", "storage resources on the last day", integer)
  .option("--days <n>", "days of history", integer)
  .option("--key-request-days <n>", "days of per-key request volume", integer)
  .option("--force", "load even when the database already has data", false);

async function main(): Promise<void> {
  const flags = program.parse().opts<{
    scale: DemoScale; seed: number; endDay?: string; accounts?: number; businessUnits?: number; keys?: number;
    resources?: number; days?: number; keyRequestDays?: number; force: boolean;
  }>();
  const options: DemoOptions = {
    scale: flags.scale, seed: flags.seed, endDay: flags.endDay, accounts: flags.accounts, businessUnits: flags.businessUnits,
    keys: flags.keys, resources: flags.resources, days: flags.days, keyRequestDays: flags.keyRequestDays,
  };
  const resolved = resolveDemoOptions(options); // fails early on a bad option
  const db = createDb();
  try {
    if (!flags.force && !(await isDatabaseEmpty(db))) {
      console.error("[demo] the database already has data; use --force to load the demo on top of it");
      process.exitCode = 1;
      return;
    }
    const { seed, accounts, businessUnits, keys, resources, days, endDay } = resolved;
    console.log(`[demo] seed ${seed}: ${accounts} accounts, ${businessUnits} business units, ${keys} CMKs, ${resources} resources, ${days} days to ${endDay}`);
    const started = Date.now();
    const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
    const summary = await loadDemo(db, options, await loadPolicySettings(db), (p) => {
      console.log(`[demo] ${elapsed().padStart(7)} ${p.phase} ${p.done}/${p.total} ${p.message}`);
    });
    console.log(
      `[demo] loaded ${summary.startDay}..${summary.endDay} in ${elapsed()}: ${summary.keyVersions} key versions, ` +
        `${summary.resourceVersions} resource versions, ${summary.costRecords} cost records, ${summary.keyRequestRecords} per-key request records; ` +
        `run ${summary.runId} with ${summary.notices} notices`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
