// `npm run import-bill -- <path|s3://bucket/prefix> [--export-name <name>] [--force]`: imports an
// AWS Data Export (FOCUS 1.x or CUR 2.0; Parquet, CSV or gzip CSV) billing period by billing period.
// Exit codes: 0 every period replaced or skipped, 1 a period failed, 2 invalid input or configuration.
import { Command } from "commander";
import { env } from "@/lib/config/env";
import { parseIngestionConfig } from "@/lib/config/ingestion";
import { createDb } from "@/lib/db/client";
import { ensureDatabase } from "@/lib/db/ensure";
import { importBill } from "@/lib/bill/import/import-bill";
import { openBillS3Session, parseS3Location, s3Source, type BillS3Session } from "@/jobs/bill/s3-source";
import { localSource } from "@/lib/bill/import/source";
import { ExportSourceError } from "@/lib/bill/import/plan";
import { formatImportSummary, importFailed } from "@/lib/bill/import/summary";
import { runCli } from "./cli-exit";

const program = new Command("import-bill")
  .description("Import the KMS lines of an AWS Data Export (FOCUS 1.x or CUR 2.0) into the dashboard database, one billing period at a time")
  .argument("<source>", "a local export file or folder (searched recursively), or s3://bucket/prefix")
  .option("--export-name <name>", "the export's name: its folder under the prefix (S3 or local)")
  .option("--force", "import periods again even when their files are those of the latest successful import")
  .showHelpAfterError()
  .exitOverride();

async function main(): Promise<number> {
  program.parse();
  const [target] = program.args as [string];
  const opts = program.opts<{ exportName?: string; force?: boolean }>();
  const say = (m: string) => process.stderr.write(`[import-bill] ${m}\n`);
  let session: BillS3Session | null = null;
  const source = target.startsWith("s3://")
    ? s3Source((session = openBillS3Session(env(parseIngestionConfig))).client, parseS3Location(target), opts.exportName)
    : localSource(opts.exportName ? `${target.replace(/\/+$/, "")}/${opts.exportName}` : target);
  const database = await ensureDatabase({ database: "kms_finops", log: say });
  const db = createDb(database.url, 4);
  try {
    const summary = await importBill(db, source, { force: opts.force, startedBy: `cli:${process.pid}`, onProgress: say });
    process.stdout.write(`${formatImportSummary(summary)}\n`);
    if (session) process.stdout.write(`S3 requests: ${session.counter.snapshot().map((s) => `${s.operation} ${s.count}`).join(", ") || "none"}\n`);
    return importFailed(summary) ? 1 : 0;
  } finally {
    session?.close();
    await db.$disconnect();
    await database.stop();
  }
}

runCli("import-bill", main, [ExportSourceError]);
