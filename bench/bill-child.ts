// Child process of bench/bill.ts: one pass over a Parquet export, in a process of its own so that
// its peak resident memory is that pass's and nothing else's. Modes:
//   baseline  hyparquet's scan of every column of every row group, values discarded (read-only floor)
//   reader    readBillParquet: the KMS BillLines, in batches of 10,000
// Prints one JSON line: lines, kept, seconds (wall), CPU seconds, peak RSS.
import { parquetScan, parquetSchema, type AsyncBuffer } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { parquetFileBuffer, readBillParquet } from "@/lib/bill/read-parquet";

const [file, mode] = process.argv.slice(2);
if (!file || (mode !== "baseline" && mode !== "reader")) throw new Error("usage: bill-child.ts <file.parquet> baseline|reader");

async function baseline(buffer: AsyncBuffer): Promise<{ lines: number; kept: number }> {
  const scan = await parquetScan({ file: buffer, compressors });
  const columns = parquetSchema(scan.metadata).children.map((c) => c.element.name);
  let lines = 0;
  for (const { rowStart, rowEnd } of scan.ranges) {
    for (const column of columns) await scan.readColumn({ column, rowStart, rowEnd });
    lines += rowEnd - rowStart;
  }
  return { lines, kept: 0 };
}

async function reader(buffer: AsyncBuffer): Promise<{ lines: number; kept: number }> {
  let last = { linesRead: 0, linesKept: 0 };
  for await (const batch of readBillParquet(buffer, file!, { businessUnitTagKey: "business-unit" })) last = batch;
  return { lines: last.linesRead, kept: last.linesKept };
}

const buffer = await parquetFileBuffer(file);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const { lines, kept } = mode === "baseline" ? await baseline(buffer) : await reader(buffer);
const seconds = (performance.now() - started) / 1000;
// CPU time (user + system) of the pass: on a machine other people load, the wall clock measures them too.
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakRss = process.resourceUsage().maxRSS * 1024; // kB → bytes, the kernel's high-water mark
console.log(JSON.stringify({ lines, kept, seconds, cpuSeconds, peakRss }));
