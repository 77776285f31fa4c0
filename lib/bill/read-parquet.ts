// Streaming reader of a Parquet export, memory bounded whatever the file and row group size: the
// file is an AsyncBuffer (byte ranges read on demand, never the whole file), row groups are read
// one after the other, one column chunk at a time, one page at a time (parquet-pages.ts). In each
// row group the service column is read first; the other needed columns are read only when the
// group holds KMS lines, their pages without a KMS line are skipped undecoded, and only the KMS
// rows' values are kept. Columns the mapping does not need are never read.
import { asyncBufferFromFile, parquetMetadataAsync, parquetSchema, type AsyncBuffer, type FileMetaData, type SchemaTree } from "hyparquet";
import { BatchCollector } from "./batches";
import { KMS_SERVICE, planColumns, type BillField, type ColumnPlan } from "./formats";
import { BillReadError, type BillBatch, type ReadBillOptions } from "./line";
import { FileInfoTracker, lineBuilder } from "./normalize";
import { flatValuesAt, leafChunks, mapLeafAt, rowsEqualTo } from "./parquet-pages";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** An AsyncBuffer over a local file: each read is a byte range, the file is never loaded whole. */
export function parquetFileBuffer(file: string): Promise<AsyncBuffer> {
  return asyncBufferFromFile(file);
}

type RowGroup = FileMetaData["row_groups"][number];

/** The values of a top-level column at the rows: a flat column's values, or a map column's { key: value } objects. */
async function columnAt(buffer: AsyncBuffer, schema: SchemaTree, group: RowGroup, column: string, rows: readonly number[]): Promise<unknown[]> {
  const leaves = leafChunks(group, column);
  const groupRows = Number(group.num_rows);
  if (leaves.length === 1) return flatValuesAt(buffer, schema, leaves[0]!, rows, groupRows);
  if (leaves.length !== 2) throw new Error(`column ${column} is neither a value nor a map (${leaves.length} leaf columns)`);
  const keys = await mapLeafAt(buffer, schema, leaves[0]!, rows, groupRows);
  const values = await mapLeafAt(buffer, schema, leaves[1]!, rows, groupRows);
  return keys.map((k, i) => Object.fromEntries(k.map((key, j) => [String(key), values[i]![j] ?? null])));
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
  const schema = parquetSchema(metadata);
  let plan: ColumnPlan;
  try {
    plan = planColumns(schema.children.map((c) => c.element.name));
  } catch (error) {
    throw new BillReadError(file, "header", message(error));
  }
  const fields = Object.entries(plan.columns).filter(([field]) => field !== "service") as [BillField, string][];
  const serviceColumn = plan.columns.service!;
  const kms = KMS_SERVICE[plan.family];
  const collector = new BatchCollector(new FileInfoTracker(plan), options.batchSize);
  const build = lineBuilder(plan, options.businessUnitTagKey);

  let groupStart = 0;
  for (const [g, group] of metadata.row_groups.entries()) {
    const groupRows = Number(group.num_rows);
    const where = `row group ${g + 1} (rows ${groupStart + 1}–${groupStart + groupRows})`;
    let kmsRows: number[];
    const values: Partial<Record<BillField, unknown[]>> = {};
    try {
      const [service] = leafChunks(group, serviceColumn);
      if (!service) throw new Error(`no ${serviceColumn} column`);
      kmsRows = await rowsEqualTo(buffer, schema, service, kms, groupRows);
      if (kmsRows.length > 0) {
        // One column at a time: memory holds one column chunk, never the row group.
        for (const [field, column] of fields) values[field] = await columnAt(buffer, schema, group, column, kmsRows);
      }
    } catch (error) {
      throw new BillReadError(file, where, message(error), { cause: error });
    }
    for (let k = 0; k < kmsRows.length; k++) {
      const read = (field: BillField) => values[field]?.[k];
      try {
        collector.keep(build(read), read("invoiceId"));
      } catch (error) {
        throw new BillReadError(file, `row ${groupStart + kmsRows[k]! + 1}`, message(error));
      }
      if (collector.full) yield collector.take(false);
    }
    groupStart += groupRows;
    collector.linesRead = groupStart;
  }
  yield collector.take(true);
}
