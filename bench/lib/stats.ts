// Latency summaries. p95 is the nearest-rank percentile (no interpolation): with 200 samples it is
// the 190th fastest, a value that was actually observed.

export interface Summary {
  n: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    min: sorted[0] ?? NaN,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? NaN,
    mean: sorted.length ? total / sorted.length : NaN,
  };
}

/**
 * Runs `fn` `warmup` times unmeasured, then up to `runs` times; returns the milliseconds of each
 * run. Stops early (after at least one run) once `budgetMs` of measuring has passed, so a slow
 * comparison query at large scale cannot hold the whole benchmark hostage.
 */
export async function timeRuns(fn: () => Promise<unknown>, runs: number, warmup = 2, budgetMs = Infinity): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs && (i === 0 || performance.now() - started < budgetMs); i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

export const ms = (x: number): string => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : "—");
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
