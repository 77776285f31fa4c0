// Smoke test of the bill-reading benchmark (`npm run bench -- bill --tiny`), so it does not rot: a
// 20,000-line Parquet export in 4 row groups, read by the baseline and by the reader in child
// processes. It needs no database. Figures are not checked (timed tests are for benchmarks), counts are.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { BillResult } from "@/bench/bill";

let resultsDir = "";
afterAll(async () => {
  if (resultsDir) await rm(resultsDir, { recursive: true, force: true });
});

describe("npm run bench -- bill --tiny", () => {
  it("writes a Parquet export and reads it with the baseline and the reader", async () => {
    resultsDir = await mkdtemp(path.join(tmpdir(), "bench-bill-smoke-"));
    await new Promise<void>((resolve, reject) => {
      execFile("npx", ["--no-install", "tsx", "bench/run.ts", "bill", "--tiny"], { env: { ...process.env, BENCH_RESULTS_DIR: resultsDir }, maxBuffer: 16 * 2 ** 20 }, (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`)) : resolve(),
      );
    });
    const result = JSON.parse(await readFile(path.join(resultsDir, "bill-tiny.json"), "utf8")) as BillResult;
    expect(result.sizes).toHaveLength(1);
    const [size] = result.sizes;
    // Every 50th line from the 8th is KMS: lines 7, 57, ..., 19,957 → 400.
    expect(size!.kmsLines).toBe(400);
    expect(size!.reader).toMatchObject({ lines: 20_000, kept: 400 });
    expect(size!.baseline).toMatchObject({ lines: 20_000 });
    expect(size!.reader.peakRss).toBeGreaterThan(0);
  }, 180_000);
});
