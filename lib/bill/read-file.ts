// A local export file, read by the reader its name calls for.
import { createReadStream } from "node:fs";
import path from "node:path";
import type { BillBatch, ReadBillOptions } from "./line";
import { readBillCsv } from "./read-csv";
import { parquetFileBuffer, readBillParquet } from "./read-parquet";

export type BillFileKind = "parquet" | "csv" | "csv.gz";

/** The kind of an export file from its name (Data Exports: .snappy.parquet, .parquet, .csv.gz, .csv), or null. */
export function billFileKind(name: string): BillFileKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".parquet")) return "parquet";
  if (lower.endsWith(".csv.gz") || lower.endsWith(".csv.gzip")) return "csv.gz";
  if (lower.endsWith(".csv")) return "csv";
  return null;
}

/** The KMS lines of a local export file (Parquet, CSV or gzip CSV), in batches; errors name the file. */
export async function* readBillFile(file: string, options: ReadBillOptions): AsyncGenerator<BillBatch> {
  const kind = billFileKind(file);
  if (kind === "parquet") yield* readBillParquet(await parquetFileBuffer(file), path.basename(file), options);
  else if (kind === "csv" || kind === "csv.gz") yield* readBillCsv(createReadStream(file), path.basename(file), { ...options, gzip: kind === "csv.gz" });
  else throw new Error(`${path.basename(file)}: not an export file (expected .parquet, .csv or .csv.gz)`);
}
