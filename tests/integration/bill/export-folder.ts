// An export folder laid out as AWS Data Exports delivers it, written by the tests themselves:
//   <root>/<export>/data/BILLING_PERIOD=YYYY-MM/<file>  and  <root>/<export>/metadata/BILLING_PERIOD=YYYY-MM/<export>-Manifest.json
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { OCTOBER_KMS_LINES, withOtherServices } from "@/tests/fixtures/bill/kms-bill";
import { writeExport } from "@/tests/fixtures/bill/write-export";
import type { FixtureFormat } from "@/tests/fixtures/bill/export-columns";
import type { ExportLine } from "@/tests/fixtures/bill/export-line";

export const EXPORT = "kms-focus";

export async function exportRoot(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "bill-export-"));
}

export async function writeDataFile(root: string, month: string, name: string, format: FixtureFormat, lines: readonly ExportLine[]): Promise<string> {
  const dir = path.join(root, EXPORT, "data", `BILLING_PERIOD=${month}`);
  await mkdir(dir, { recursive: true });
  return writeExport(path.join(dir, name), format, lines);
}

/** The period's manifest naming `files` (data file names under the period's data folder). */
export async function writeManifest(root: string, month: string, files: string[], bucket = "kms-billing"): Promise<void> {
  const dir = path.join(root, EXPORT, "metadata", `BILLING_PERIOD=${month}`);
  await mkdir(dir, { recursive: true });
  const manifest = {
    executionId: `exec-${month}-${files.join("+")}`,
    exportArn: `arn:aws:bcm-data-exports:us-east-1:111111111111:export/${EXPORT}-0f1e2d3c`,
    billingPeriod: { start: `${month}-01T00:00:00.000Z`, end: "" },
    dataFiles: files.map((f) => `s3://${bucket}/exports/${EXPORT}/data/BILLING_PERIOD=${month}/${f}`),
  };
  await writeFile(path.join(dir, `${EXPORT}-Manifest.json`), JSON.stringify(manifest));
}

/** An hourly line of the exclusive key late on Oct 2nd, written in the second file: summed with its sibling of the first. */
export const OCTOBER_EXTRA_HOUR: ExportLine = { ...OCTOBER_KMS_LINES[2]!, chargePeriodStart: "2026-10-02T05:00:00Z", billedCost: "0.06", effectiveCost: "0.06", listCost: "0.06", quantity: "20000" };

/** October in two Parquet files of FOCUS 1.2 (other services interleaved). */
export async function writeOctober(root: string): Promise<void> {
  await writeDataFile(root, "2026-10", `${EXPORT}-00001.snappy.parquet`, "FOCUS_1_2", withOtherServices(OCTOBER_KMS_LINES.slice(0, 6)));
  await writeDataFile(root, "2026-10", `${EXPORT}-00002.snappy.parquet`, "FOCUS_1_2", withOtherServices([...OCTOBER_KMS_LINES.slice(6), OCTOBER_EXTRA_HOUR]));
}

export type BuSum = { business_unit: string; billed: string; quantity: string };

/** Billed cost and quantity per business unit of a period, as exact decimal text. */
export async function sumsByBu(db: Db, period: string): Promise<Record<string, string>> {
  const rows = await db.$queryRawUnsafe<BuSum[]>(
    `SELECT business_unit, sum(billed_cost)::numeric(20,4)::text AS billed, sum(consumed_quantity)::text AS quantity FROM bill_cost_line WHERE billing_period = $1::date GROUP BY 1 ORDER BY 1`,
    period,
  );
  return Object.fromEntries(rows.map((r) => [r.business_unit, r.billed]));
}
