// The batches both readers yield: lines cut every batchSize, counters of the whole file so far.
import type { FileInfoTracker } from "./normalize";
import { DEFAULT_BATCH_SIZE, type BillBatch, type BillLine } from "./line";

export class BatchCollector {
  lines: BillLine[] = [];
  linesRead = 0;
  linesKept = 0;
  readonly size: number;

  constructor(
    readonly tracker: FileInfoTracker,
    batchSize = DEFAULT_BATCH_SIZE,
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, not ${batchSize}`);
    this.size = batchSize;
  }

  keep(line: BillLine, invoiceId: unknown): void {
    this.lines.push(line);
    this.linesKept++;
    this.tracker.add(line, invoiceId);
  }

  get full(): boolean {
    return this.lines.length >= this.size;
  }

  take(done: boolean): BillBatch {
    const lines = this.lines;
    this.lines = [];
    return { lines, info: this.tracker.info(), linesRead: this.linesRead, linesKept: this.linesKept, done };
  }
}
