// Child process of bench/bill.ts: one pass over a Parquet export, in a process of its own so that
// its peak resident memory is that pass's and nothing else's. Modes:
//   baseline  hyparquet's scan of every column of every row group, values discarded (read-only floor)
//   reader    readBillParquet: the KMS BillLines, in batches of 10,000
//   import    the whole import into Postgres at BENCH_BILL_DATABASE_URL (importBill: read, stage, replace the
//             period in one transaction, recompute its cost rollup), what `npm run import-bill` does
// Prints one JSON line: lines, kept, seconds (wall), CPU seconds, peak RSS.
import { parquetScan, parquetSchema, type AsyncBuffer } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { importBill } from "@/lib/bill/import/import-bill";
import { localSource } from "@/lib/bill/import/source";
import { parquetFileBuffer, readBillParquet } from "@/lib/bill/read-parquet";
import { createDb } from "@/lib/db/client";

const [file, mode] = process.argv.slice(2);
if (!file || (mode !== "baseline" && mode !== "reader" && mode !== "import")) throw new Error("usage: bill-child.ts <file.parquet> baseline|reader|import");

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

async function importPass(): Promise<{ lines: number; kept: number }> {
  const db = createDb(process.env.BENCH_BILL_DATABASE_URL, 2);
  try {
    const { periods } = await importBill(db, localSource(file!), { force: true, startedBy: "bench" });
    const failed = periods.find((p) => p.status !== "REPLACED");
    if (failed) throw new Error(`import ${failed.status}: ${failed.message}`);
    return { lines: periods.reduce((n, p) => n + p.linesRead, 0), kept: periods.reduce((n, p) => n + p.linesKept, 0) };
  } finally {
    await db.$disconnect();
  }
}

const buffer = mode === "import" ? null : await parquetFileBuffer(file);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const { lines, kept } = mode === "import" ? await importPass() : mode === "baseline" ? await baseline(buffer!) : await reader(buffer!);
const seconds = (performance.now() - started) / 1000;
// CPU time (user + system) of the pass: on a machine other people load, the wall clock measures them too.
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakRss = process.resourceUsage().maxRSS * 1024; // kB → bytes, the kernel's high-water mark
console.log(JSON.stringify({ lines, kept, seconds, cpuSeconds, peakRss }));
