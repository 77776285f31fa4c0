// Streaming reader of a Parquet export, memory bounded whatever the file size: the file is an
// AsyncBuffer (byte ranges read on demand, never the whole file), row groups are read one after
// the other, their needed column chunks (compressed) fetched together and decoded one column at a
// time, one page at a time (parquet-pages.ts). In each
// row group the service column is read first; the other needed columns are read only when the
// group holds KMS lines, their pages without a KMS line are skipped undecoded, and only the KMS
// rows' values are kept. Columns the mapping does not need are never read.
import { asyncBufferFromFile, parquetMetadataAsync, parquetSchema, type AsyncBuffer, type ColumnMetaData, type FileMetaData, type SchemaTree } from "hyparquet";
import { BatchCollector } from "./batches";
import { KMS_SERVICE, planColumns, type BillField, type ColumnPlan } from "./formats";
import { BillReadError, type BillBatch, type ReadBillOptions } from "./line";
import { FileInfoTracker, lineBuilder } from "./normalize";
import { fetchChunk, flatValuesAt, leafChunks, mapLeafAt, rowsEqualTo } from "./parquet-pages";

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** An AsyncBuffer over a local file: each read is a byte range, the file is never loaded whole. */
export function parquetFileBuffer(file: string): Promise<AsyncBuffer> {
  return asyncBufferFromFile(file);
}

type RowGroup = FileMetaData["row_groups"][number];

/** The values of a top-level column at the rows: a flat column's values, or a map column's { key: value } objects. */
async function columnAt(chunks: ChunkBytes, schema: SchemaTree, group: RowGroup, column: string, rows: readonly number[]): Promise<unknown[]> {
  const leaves = leafChunks(group, column);
  const groupRows = Number(group.num_rows);
  if (leaves.length === 1) return flatValuesAt(chunks(leaves[0]!), schema, leaves[0]!, rows, groupRows);
  if (leaves.length !== 2) throw new Error(`column ${column} is neither a value nor a map (${leaves.length} leaf columns)`);
  const keys = await mapLeafAt(chunks(leaves[0]!), schema, leaves[0]!, rows, groupRows);
  const values = await mapLeafAt(chunks(leaves[1]!), schema, leaves[1]!, rows, groupRows);
  return keys.map((k, i) => Object.fromEntries(k.map((key, j) => [String(key), values[i]![j] ?? null])));
}

type ChunkBytes = (meta: ColumnMetaData) => Promise<ArrayBuffer>;

/**
 * Fetches column chunks ahead of their decoding, so that reading the file overlaps the work: the
 * next row group's service column while this one is decoded, and all needed columns of a row group
 * with KMS lines at once (compressed, at most the group's size). Each is released once taken.
 */
class ChunkPrefetch {
  private readonly pending = new Map<ColumnMetaData, Promise<ArrayBuffer>>();

  constructor(private readonly buffer: AsyncBuffer) {}

  request(metas: readonly ColumnMetaData[]): void {
    for (const meta of metas) {
      if (this.pending.has(meta)) continue;
      const bytes = fetchChunk(this.buffer, meta);
      bytes.catch(() => {}); // a failure surfaces where the chunk is taken
      this.pending.set(meta, bytes);
    }
  }

  readonly take: ChunkBytes = (meta) => {
    const bytes = this.pending.get(meta) ?? fetchChunk(this.buffer, meta);
    this.pending.delete(meta);
    return bytes;
  };
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

  const prefetch = new ChunkPrefetch(buffer);
  let groupStart = 0;
  for (const [g, group] of metadata.row_groups.entries()) {
    const groupRows = Number(group.num_rows);
    const where = `row group ${g + 1} (rows ${groupStart + 1}–${groupStart + groupRows})`;
    let kmsRows: number[];
    const values: Partial<Record<BillField, unknown[]>> = {};
    try {
      const [service] = leafChunks(group, serviceColumn);
      if (!service) throw new Error(`no ${serviceColumn} column`);
      const serviceBytes = prefetch.take(service);
      const nextGroup = metadata.row_groups[g + 1];
      if (nextGroup) prefetch.request(leafChunks(nextGroup, serviceColumn));
      kmsRows = await rowsEqualTo(serviceBytes, schema, service, kms, groupRows);
      if (kmsRows.length > 0) {
        const leaves = fields.flatMap(([, column]) => leafChunks(group, column));
        prefetch.request(leaves);
        // One column at a time: one column chunk decoded, a page at a time.
        for (const [field, column] of fields) values[field] = await columnAt(prefetch.take, schema, group, column, kmsRows);
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
