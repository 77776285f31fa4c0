// Benchmark results are kept as JSON under bench/.data/results (git-ignored) so that `bench all`
// and single sub-benchmarks both feed the same BENCHMARKS.md tables.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export const RESULTS_DIR = path.resolve(process.env.BENCH_RESULTS_DIR ?? "bench/.data/results");

export async function saveResult(name: string, value: unknown): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  await writeFile(file, JSON.stringify(value, null, 2) + "\n");
  return file;
}

export async function loadResult<T>(name: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path.join(RESULTS_DIR, `${name}.json`), "utf8")) as T;
  } catch {
    return undefined;
  }
}
