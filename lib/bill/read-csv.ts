// Streaming reader of a CSV export (plain or gzip, as Data Exports writes it): the header names
// the columns, each line is looked at once and only KMS lines are built, so memory holds one
// batch whatever the file size.
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import { BatchCollector } from "./batches";
import { KMS_SERVICE, planColumns, type BillField, type ColumnPlan } from "./formats";
import { BillReadError, type BillBatch, type BillLine, type ReadBillOptions } from "./line";
import { FileInfoTracker, lineBuilder } from "./normalize";

export type ReadBillCsvOptions = ReadBillOptions & {
  /** The bytes are gzip (a ".csv.gz" file). */
  gzip: boolean;
};

/**
 * The KMS lines of a CSV export read from `input` (raw bytes), in batches. `file` names the file in
 * errors. Throws BillReadError naming the file and the row on a corrupt or truncated file.
 */
export async function* readBillCsv(input: Readable, file: string, options: ReadBillCsvOptions): AsyncGenerator<BillBatch> {
  const parser = parse({ bom: true, skip_empty_lines: true });
  // A broken source or gzip stream ends the parse with that error rather than a silent short read.
  input.on("error", (error) => parser.destroy(error));
  if (options.gzip) {
    const gunzip = createGunzip();
    gunzip.on("error", (error) => parser.destroy(error));
    input.pipe(gunzip).pipe(parser);
  } else input.pipe(parser);

  let row = 0;
  let plan: ColumnPlan | undefined;
  let collector: BatchCollector | undefined;
  let build: ((read: (f: BillField) => unknown) => BillLine) | undefined;
  let index: Partial<Record<BillField, number>> = {};
  let serviceIndex = -1;
  let kms = "";
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!plan) {
        try {
          plan = planColumns(record);
        } catch (error) {
          throw new BillReadError(file, "header", error instanceof Error ? error.message : String(error));
        }
        index = Object.fromEntries(Object.entries(plan.columns).map(([field, name]) => [field, record.indexOf(name)]));
        serviceIndex = index.service!;
        kms = KMS_SERVICE[plan.family];
        collector = new BatchCollector(new FileInfoTracker(plan), options.batchSize);
        build = lineBuilder(plan, options.businessUnitTagKey);
        continue;
      }
      row++;
      collector!.linesRead++;
      if (record[serviceIndex] !== kms) continue;
      const read = (field: BillField) => {
        const i = index[field];
        return i === undefined ? undefined : record[i];
      };
      try {
        collector!.keep(build!(read), read("invoiceId"));
      } catch (error) {
        throw new BillReadError(file, `row ${row}`, error instanceof Error ? error.message : String(error));
      }
      if (collector!.full) yield collector!.take(false);
    }
  } catch (error) {
    if (error instanceof BillReadError) throw error;
    throw new BillReadError(file, plan ? `row ${row + 1}` : "header", error instanceof Error ? error.message : String(error), { cause: error });
  } finally {
    input.destroy();
  }
  if (!collector) throw new BillReadError(file, "header", "empty file: no header line");
  yield collector.take(true);
}
