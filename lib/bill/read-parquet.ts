// Streaming reader of a Parquet export. Memory stays bounded by one row group whatever the file
// size: the file is an AsyncBuffer (byte ranges read on demand, never the whole file), row groups
// are read one after the other, and in each the service column is read first: the other needed
// columns are decoded only for row groups holding KMS lines, and only over the rows from the first
// to the last KMS line (pages outside them are skipped when the file has an offset index), and a
// BillLine is built only for KMS lines. Columns the mapping does not need are never read.
import { asyncBufferFromFile, parquetMetadataAsync, parquetScan, parquetSchema, type AsyncBuffer, type DecodedArray, type FileMetaData } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { BatchCollector } from "./batches";
import { KMS_SERVICE, planColumns, type BillField, type ColumnPlan } from "./formats";
import { BillReadError, type BillBatch, type ReadBillOptions } from "./line";
import { FileInfoTracker, lineBuilder } from "./normalize";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** An AsyncBuffer over a local file: each read is a byte range, the file is never loaded whole. */
export function parquetFileBuffer(file: string): Promise<AsyncBuffer> {
  return asyncBufferFromFile(file);
}

/**
 * The KMS lines of a Parquet export, in batches. `buffer` reads byte ranges (a local file:
 * parquetFileBuffer; S3: ranged GetObject); `file` names the file in errors. Throws BillReadError
 * naming the file and the row group on a corrupt or truncated file.
 */
export async function* readBillParquet(buffer: AsyncBuffer, file: string, options: ReadBillOptions): AsyncGenerator<BillBatch> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (error) {
    throw new BillReadError(file, "footer", `not a readable Parquet file (truncated or corrupt?): ${message(error)}`, { cause: error });
  }
  let plan: ColumnPlan;
  try {
    plan = planColumns(parquetSchema(metadata).children.map((c) => c.element.name));
  } catch (error) {
    throw new BillReadError(file, "header", message(error));
  }
  const fields = Object.entries(plan.columns).filter(([field]) => field !== "service") as [BillField, string][];
  const serviceColumn = plan.columns.service!;
  const kms = KMS_SERVICE[plan.family];
  const collector = new BatchCollector(new FileInfoTracker(plan), options.batchSize);
  const build = lineBuilder(plan, options.businessUnitTagKey);

  // Row groups whose statistics exclude the KMS value are not read at all (an export sorted by service).
  const pruningFilter = { [serviceColumn]: { $eq: kms } };
  const scan = await parquetScan({ file: buffer, metadata, compressors, columns: Object.values(plan.columns), pruningFilter });
  const groupStarts = groupStartRows(metadata);
  for (const { rowStart, rowEnd } of scan.ranges) {
    const where = `row group ${groupIndex(groupStarts, rowStart)} (rows ${rowStart + 1}–${rowEnd})`;
    let kmsRows: number[];
    let columns: Partial<Record<BillField, DecodedArray>> = {};
    let first = rowStart;
    try {
      const services = await scan.readColumn({ column: serviceColumn, rowStart, rowEnd });
      if (services.length !== rowEnd - rowStart) throw new Error(`${serviceColumn} has ${services.length} values for ${rowEnd - rowStart} rows`);
      kmsRows = [];
      for (let i = 0; i < services.length; i++) if (services[i] === kms) kmsRows.push(i);
      if (kmsRows.length > 0) {
        first = rowStart + kmsRows[0]!;
        const last = rowStart + kmsRows.at(-1)! + 1;
        const read = await Promise.all(fields.map(([, column]) => scan.readColumn({ column, rowStart: first, rowEnd: last })));
        columns = Object.fromEntries(fields.map(([field], i) => [field, read[i]!]));
        for (const [field, data] of Object.entries(columns)) {
          if (data.length !== last - first) throw new Error(`${plan.columns[field as BillField]} has ${data.length} values for ${last - first} rows`);
        }
      }
    } catch (error) {
      throw new BillReadError(file, where, message(error), { cause: error });
    }
    for (const i of kmsRows) {
      const at = rowStart + i - first;
      const read = (field: BillField) => columns[field]?.[at];
      try {
        collector.keep(build(read), read("invoiceId"));
      } catch (error) {
        throw new BillReadError(file, `row ${rowStart + i + 1}`, message(error));
      }
      if (collector.full) yield collector.take(false);
    }
    // Rows pruned by the row-group statistics count as read: they were looked at, and hold no KMS line.
    collector.linesRead = rowEnd;
  }
  collector.linesRead = Number(metadata.num_rows);
  yield collector.take(true);
}

function groupStartRows(metadata: FileMetaData): number[] {
  const starts: number[] = [];
  let start = 0;
  for (const group of metadata.row_groups) {
    starts.push(start);
    start += Number(group.num_rows);
  }
  return starts;
}

/** 1-based index of the row group holding `row`. */
function groupIndex(starts: readonly number[], row: number): number {
  let index = 0;
  while (index + 1 < starts.length && starts[index + 1]! <= row) index++;
  return index + 1;
}
