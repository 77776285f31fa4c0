// Each rule kind at its threshold, on figures computed by hand: exactly the threshold fires, a
// threshold one above the figure does not.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { evaluateAlertRules } from "@/lib/alerts/evaluate";
import { resetTables, testDb } from "../support/db";
import { APP_URL, channel, cost, coverage, deliveries, linesOf, rule, run } from "./rule-fixtures";

process.env.APP_URL = APP_URL;
const db = testDb();
const NOW = new Date("2026-12-05T12:00:00Z");
const HOUR = 3_600_000;

afterAll(() => db.$disconnect());
beforeEach(() => resetTables(db));

async function firedBy(kind: Parameters<typeof rule>[1], params: object, businessUnits: string[] = []) {
  const hook = await channel(db, `hook-${Math.random()}`);
  const r = await rule(db, kind, params, { channelIds: [hook.id], businessUnits });
  const results = await evaluateAlertRules(db, { now: NOW });
  return { result: results.find((x) => x.ruleId === r.id)!, lines: (await deliveries(db)).filter((d) => d.ruleId === r.id).flatMap((d) => linesOf(d.payload)) };
}

describe("COVERAGE_DROP", () => {
  // Payments: by count 8/10 = 80 % on 11-27 → 15/20 = 75 % on 12-04: a drop of 5 points.
  // By storage 900/1000 = 90 % → 3400/4000 = 85 %: 5 points. Risk holds at 50 %.
  beforeEach(async () => {
    await coverage(db, "2026-11-27", "Payments", { resources: 10, cmk: 8, sized: 10, bytes: 1000n, cmkBytes: 900n });
    await coverage(db, "2026-12-04", "Payments", { resources: 20, cmk: 15, sized: 20, bytes: 4000n, cmkBytes: 3400n });
    await coverage(db, "2026-11-27", "Risk", { resources: 4, cmk: 2 });
    await coverage(db, "2026-12-04", "Risk", { resources: 4, cmk: 2 });
  });

  it("fires at a drop of exactly N points by count, naming the BU and linking to its filtered overview", async () => {
    const { result, lines } = await firedBy("COVERAGE_DROP", { measure: "count", minDropPoints: 5 });
    expect(result.fired).toEqual(["bu:Payments"]);
    expect(lines).toEqual([{ text: expect.stringContaining("BU Payments: CMK coverage by count 80.0 % on 2026-11-27 → 75.0 % on 2026-12-04 (−5.0 points"), url: `${APP_URL}/?bu=Payments`, severity: "high" }]);
  });
  it("does not fire when the threshold is one point above the drop", async () => {
    expect((await firedBy("COVERAGE_DROP", { measure: "count", minDropPoints: 6 })).result.fired).toEqual([]);
  });
  it("measures storage over sized bytes", async () => {
    expect((await firedBy("COVERAGE_DROP", { measure: "storage", minDropPoints: 5 })).result.fired).toEqual(["bu:Payments"]);
  });
  it("respects the BU scope", async () => {
    expect((await firedBy("COVERAGE_DROP", { measure: "count", minDropPoints: 5 }, ["Risk"])).result.fired).toEqual([]);
  });
});

describe("NONCOMPLIANT_RISE", () => {
  // Payments: 1 unencrypted + 2 SSE-S3 = 3 on 11-27 → 2 + 2 + 1 + 1 + 1 = 7 on 12-04: +4.
  // Risk: absent on 11-27 (none then) → 4 SSE-S3: +4, outside the ["Payments"] scope below.
  beforeEach(async () => {
    await coverage(db, "2026-11-27", "Payments", { resources: 10, ncUnencrypted: 1, ncSseS3: 2 });
    await coverage(db, "2026-12-04", "Payments", { resources: 10, ncUnencrypted: 2, ncSseS3: 2, ncAwsManagedKey: 1, ncKeyUnusable: 1, ncUnknownKey: 1 });
    await coverage(db, "2026-12-04", "Risk", { resources: 4, ncSseS3: 4 });
  });

  it("fires at a rise of exactly N resources", async () => {
    const { result, lines } = await firedBy("NONCOMPLIANT_RISE", { minRise: 4 }, ["Payments"]);
    expect(result.fired).toEqual(["bu:Payments"]);
    expect(lines[0]).toEqual({ text: expect.stringContaining("BU Payments: 7 non-compliant resources on 2026-12-04, 3 on 2026-11-27 (+4"), url: `${APP_URL}/resources?bu=Payments`, severity: "high" });
  });
  it("does not fire at N + 1", async () => {
    expect((await firedBy("NONCOMPLIANT_RISE", { minRise: 5 }, ["Payments"])).result.fired).toEqual([]);
  });
  it("counts a BU absent 7 days before as having had none", async () => {
    expect((await firedBy("NONCOMPLIANT_RISE", { minRise: 4 })).result.fired).toEqual(["bu:Payments", "bu:Risk"]);
  });
});

describe("COST_PROJECTION", () => {
  // Payments: November 30 × $1.00 = $30.00. December 1–10: 10 × $1.20 = $12.00 month to date;
  // linear projection 12.00 ÷ 10 covered days × 31 = $37.20, +24 % on $30.00.
  // Risk: nothing in November (no base): never alarms.
  beforeEach(async () => {
    for (let d = 1; d <= 30; d++) await cost(db, `2026-11-${String(d).padStart(2, "0")}`, "Payments", "1.00");
    for (let d = 1; d <= 10; d++) await cost(db, `2026-12-${String(d).padStart(2, "0")}`, "Payments", "1.20");
    await cost(db, "2026-12-03", "Risk", "50.00");
  });

  it("fires at exactly X % above last month and states the linear projection", async () => {
    const { result, lines } = await firedBy("COST_PROJECTION", { minIncreasePercent: 24 });
    expect(result.fired).toEqual(["bu:Payments"]);
    expect(lines[0]!.text).toContain("BU Payments: KMS cost $12.00 month to date (through 2026-12-10) projects to $37.20, +24.0 % on last month's $30.00");
    expect(lines[0]!.text).toContain("linear projection: 10 covered days scaled to 31");
    expect(lines[0]!.url).toBe(`${APP_URL}/costs?bu=Payments`);
  });
  it("does not fire at X + 1 %", async () => {
    expect((await firedBy("COST_PROJECTION", { minIncreasePercent: 25 })).result.fired).toEqual([]);
  });
});

describe("INGESTION_HEALTH", () => {
  // The last good run finished 30 hours before NOW; the latest run (1 hour before) failed.
  let failedId = "";
  beforeEach(async () => {
    await run(db, "SUCCEEDED", new Date(NOW.getTime() - 30 * HOUR));
    failedId = (await run(db, "FAILED", new Date(NOW.getTime() - HOUR), "unit 111122223333/eu-west-1: AccessDenied")).id;
  });

  it("fires for the failed run and for data exactly N hours old", async () => {
    const { result, lines } = await firedBy("INGESTION_HEALTH", { maxAgeHours: 30 });
    expect(result.fired).toEqual(["ingestion:run", "ingestion:stale"]);
    expect(lines[0]!.text).toMatch(/finished FAILED: unit 111122223333\/eu-west-1: AccessDenied$/);
    expect(lines[1]!.text).toContain("Data is 30 hours old");
    expect(lines.map((l) => l.url)).toEqual([`${APP_URL}/runs`, `${APP_URL}/runs`]);
  });
  it("does not call data 30 hours old stale at 31 hours", async () => {
    expect((await firedBy("INGESTION_HEALTH", { maxAgeHours: 31 })).result.fired).toEqual(["ingestion:run"]);
  });
  it("resolves both when a good run finishes", async () => {
    const hook = await channel(db, "hook");
    await rule(db, "INGESTION_HEALTH", { maxAgeHours: 30 }, { channelIds: [hook.id] });
    await evaluateAlertRules(db, { now: NOW });
    await run(db, "SUCCEEDED", new Date(NOW.getTime() + HOUR));
    const [after] = await evaluateAlertRules(db, { now: new Date(NOW.getTime() + 2 * HOUR) });
    expect(after!.resolved).toEqual(["ingestion:run", "ingestion:stale"]);
    const resolved = (await deliveries(db)).filter((d) => d.kind === "RESOLVED");
    expect(resolved).toHaveLength(1);
    const texts = linesOf(resolved[0]!.payload).map((l) => l.text);
    expect(texts[0]).toContain(`Resolved: Ingestion run ${failedId} (snapshot 2026-12-05, schedule) finished FAILED`);
    expect(texts[1]).toContain("Resolved: Data is 30 hours old");
  });
});
