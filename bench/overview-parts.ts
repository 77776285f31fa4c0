// Where the overview's time goes: each query /api/overview runs concurrently, timed alone (warm),
// so a missed target names the query that bounds it. Same calls and arguments as
// lib/queries/overview.ts.
import { createDb } from "@/lib/db/client";
import { dayToDate } from "@/lib/domain/days";
import { getCoverageSummaryOn } from "@/lib/queries/coverage-summary";
import { latestCostDay, latestCoverageDay, latestSnapshotDay, thirteenMonthsBack } from "@/lib/queries/kpi/as-of";
import { bucketKeySavingsReport } from "@/lib/queries/kpi/bucket-key-savings";
import { costByBu } from "@/lib/queries/kpi/cost-by-bu";
import { coverageSeries } from "@/lib/queries/kpi/coverage-series";
import { idleKeySavingsReport } from "@/lib/queries/kpi/idle-key-savings";
import { mttpReport } from "@/lib/queries/kpi/mttp";
import { costTiles, keyTiles } from "@/lib/queries/overview";
import { nonCompliantSeries } from "@/lib/queries/kpi/noncompliant-series";
import { computeBucketKeySavings } from "@/lib/rollups/bucket-key-savings";
import { loadPolicySettings } from "@/lib/settings/load";
import { bumpGeneration } from "./lib/generation";
import { summarize, timeRuns, type Summary } from "./lib/stats";

export interface OverviewPart {
  dataset: string;
  part: string;
  summary: Summary;
}

export async function benchOverviewParts(url: string, dataset: string, opts: { runs: number; log: (m: string) => void }): Promise<OverviewPart[]> {
  const db = createDb(url, 4);
  try {
    const [coverageDay, costDay, snapshotDay] = await Promise.all([latestCoverageDay(db), latestCostDay(db), latestSnapshotDay(db)]);
    const to = coverageDay ?? snapshotDay ?? undefined;
    const from = to ? thirteenMonthsBack(to) : undefined;
    const page = { page: 1, pageSize: 10 };
    const parts: [string, () => Promise<unknown>][] = [
      ["as-of days + settings", () => Promise.all([loadPolicySettings(db), latestCoverageDay(db), latestCostDay(db), latestSnapshotDay(db)])],
      ["coverageSeries (org)", () => coverageSeries(db, { from, to, filters: {} })],
      ["nonCompliantSeries", () => nonCompliantSeries(db, { from, to, filters: {} })],
      ["costByBu (monthly)", () => costByBu(db, { granularity: "month", from: costDay ? thirteenMonthsBack(costDay) : undefined, to: costDay ?? undefined })],
      // The stored list (bucket_key_savings): nothing is kept per generation any more, every call reads it.
      ["bucketKeySavingsReport (stored)", async () => (await bumpGeneration(db), bucketKeySavingsReport(db, page))],
      // Baseline of the same run: the pricing every first request after an ingestion waited for
      // before it moved to the rollup step, now run there once per snapshot.
      ["computeBucketKeySavings (rollup step, was per request)", () => computeBucketKeySavings(db)],
      ["idleKeySavingsReport", () => idleKeySavingsReport(db, page)],
      ["mttpReport", () => mttpReport(db, {})],
      ["key tiles (counts, findings by severity)", () => keyTiles(db, {})],
      ["cost tiles (month to date, last full month, month before)", () => costTiles(db, costDay, {})],
      ["coverage per BU (latest day)", () => (coverageDay ? getCoverageSummaryOn(db, dayToDate(coverageDay)) : Promise.resolve(null))],
    ];
    const out: OverviewPart[] = [];
    for (const [part, fn] of parts) {
      await fn(); // warm-up; at large scale some of these take most of a minute
      // The rollup step's pricing takes seconds at large scale: a few runs say enough.
      const summary = summarize(await timeRuns(fn, part.startsWith("compute") ? Math.min(opts.runs, 5) : opts.runs, 0, 30_000));
      opts.log(`[overview parts ${dataset}] ${part}: median ${summary.median.toFixed(1)} ms, p95 ${summary.p95.toFixed(1)} ms`);
      out.push({ dataset, part, summary });
    }
    return out;
  } finally {
    await db.$disconnect();
  }
}
