// The digest as a message, from a hand-made digest: wording of the trend and the cost change,
// "no data" said as such, names escaped in the HTML, every link absolute and filtered to the BU.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import type { BuDigest } from "@/lib/reports/digest";
import { digestPayload } from "@/lib/reports/digest-message";
import { sameDaysMonthBefore } from "@/lib/queries/kms-cost-summary";

const point = (day: string, resources: number, cmkResources: number, storagePct: number | null) => ({
  day, group: null, resources, cmkResources, coverageByCountPct: (cmkResources / resources) * 100, sizedResources: resources, totalBytes: 0n, cmkBytes: 0n, coverageByStoragePct: storagePct, unknownSizePct: 0,
});

const base: BuDigest = {
  businessUnit: "<team & co>",
  label: "<team & co>",
  day: "2026-11-30",
  coverage: { now: point("2026-11-30", 8, 6, 80), weekBefore: point("2026-11-23", 8, 7, 90), countPts: -12.5, storagePts: -10 },
  nonCompliant: { total: 12, items: [{ name: "bucket-<1>", resourceArn: "arn:aws:s3:::b1", service: "S3", reason: "SSE_S3", since: "2026-09-01", ageDays: 90 }] },
  newFindings: { from: "2026-11-24", total: 0, items: [] },
  cost: { monthToDate: { from: "2026-12-01", to: "2026-12-03", total: 0.9 }, sameDaysLastMonth: { from: "2026-11-01", to: "2026-11-03", total: 1.2 }, change: -0.3, changePct: -25 },
};
const env = parseEnv({ APP_URL: "https://dash.example.com/finops" });

describe("digest message", () => {
  it("says how coverage and cost moved, and that the list shows only the oldest", () => {
    const text = digestPayload(base, env).lines.map((l) => l.text);
    expect(text).toEqual([
      "CMK coverage by count on 2026-11-30: 75.0% (6 of 8 resources), -12.5 pts vs a week before",
      "CMK coverage by storage on 2026-11-30: 80.0%, -10.0 pts vs a week before",
      "Non-compliant resources: 12 (the 1 oldest below)",
      "  bucket-<1> (S3, SSE_S3): non-compliant since 2026-09-01, 90 days",
      "New key findings since 2026-11-24: 0",
      "KMS cost month to date (2026-12-01 to 2026-12-03): $0.90 vs $1.20 on the same days last month (2026-11-01 to 2026-11-03): -$0.30 (-25.0%) vs the same days last month",
    ]);
  });

  it("links every line to the dashboard under APP_URL's path, filtered to the business unit", () => {
    const urls = digestPayload(base, env).lines.map((l) => l.url);
    expect(new Set(urls)).toEqual(new Set([
      "https://dash.example.com/finops/teams?bu=%3Cteam%20%26%20co%3E",
      "https://dash.example.com/finops/resources?bu=%3Cteam%20%26%20co%3E",
      "https://dash.example.com/finops/keys?bu=%3Cteam%20%26%20co%3E",
      "https://dash.example.com/finops/costs?bu=%3Cteam%20%26%20co%3E",
    ]));
  });

  it("escapes names in the HTML", () => {
    const html = digestPayload(base, env).html!;
    expect(html).toContain("bucket-&lt;1&gt;");
    expect(html).toContain("Weekly KMS digest: &lt;team &amp; co&gt;, week to 2026-11-30");
    expect(html).not.toContain("<team & co>");
  });

  it("says when there is no figure a week before and no cost data", () => {
    const d: BuDigest = { ...base, coverage: { ...base.coverage, weekBefore: null, countPts: null, storagePts: null }, cost: null };
    const text = digestPayload(d, env).lines.map((l) => l.text);
    expect(text[0]).toBe("CMK coverage by count on 2026-11-30: 75.0% (6 of 8 resources), no figure a week before");
    expect(text.at(-1)).toBe("KMS cost: no cost data yet");
  });
});

describe("same days of the month before", () => {
  const w = (from: string, to: string) => ({ from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) });
  const iso = (x: { from: Date; to: Date }) => [x.from.toISOString().slice(0, 10), x.to.toISOString().slice(0, 10)];
  it("takes the same day numbers, clipped to a shorter month, across a year", () => {
    expect(iso(sameDaysMonthBefore(w("2026-12-01", "2026-12-05")))).toEqual(["2026-11-01", "2026-11-05"]);
    expect(iso(sameDaysMonthBefore(w("2026-03-01", "2026-03-31")))).toEqual(["2026-02-01", "2026-02-28"]);
    expect(iso(sameDaysMonthBefore(w("2026-01-01", "2026-01-10")))).toEqual(["2025-12-01", "2025-12-10"]);
  });
});
