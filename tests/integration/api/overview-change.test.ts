// The overview tiles against the previous period: coverage and non-compliance 30 days before the
// latest day, last full month's cost against the month before. Hand-made rollups, hand-summed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as overviewApi } from "@/app/api/overview/route";
import { coverageBeforeOf } from "@/components/overview/overview-figures";
import { recomputeCostMonthly } from "@/lib/rollups/costs";
import { resetTables, testDb } from "../support/db";
import { call } from "./call";

const db = testDb();
afterAll(() => db.$disconnect());

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const zeroNc = { ncUnencrypted: 0, ncSseS3: 0, ncAwsManagedKey: 0, ncKeyUnusable: 0, ncUnknownKey: 0 };
const cost = (d: string, category: "KEYS" | "REQUESTS", amount: number) => ({
  day: day(d), accountId: "111111111111", businessUnit: "payments", costCenter: "", usageType: `USE1-KMS-${category === "KEYS" ? "Keys" : "Requests"}`, region: "us-east-1", category, unblendedCost: amount, usageQuantity: 1,
});

beforeAll(async () => {
  await resetTables(db);
  await db.coverageBuDaily.createMany({
    data: [
      // 2026-03-01 (30 days before 2026-03-31): 8 of 20 on a CMK = 40 %; 400 of 1000 bytes = 40 %; 6 non-compliant.
      { day: day("2026-03-01"), businessUnit: "payments", resources: 10, cmkResources: 5, sizedResources: 10, totalBytes: 1000n, cmkBytes: 400n, ...zeroNc, ncSseS3: 3, ncAwsManagedKey: 1 },
      { day: day("2026-03-01"), businessUnit: "", resources: 10, cmkResources: 3, sizedResources: 0, totalBytes: 0n, cmkBytes: 0n, ...zeroNc, ncUnencrypted: 2 },
      // 2026-03-31: 11 of 20 = 55 %; 700 of 1000 = 70 %; 3 non-compliant.
      { day: day("2026-03-31"), businessUnit: "payments", resources: 10, cmkResources: 8, sizedResources: 10, totalBytes: 1000n, cmkBytes: 700n, ...zeroNc, ncSseS3: 1 },
      { day: day("2026-03-31"), businessUnit: "", resources: 10, cmkResources: 3, sizedResources: 0, totalBytes: 0n, cmkBytes: 0n, ...zeroNc, ncUnencrypted: 2 },
    ],
  });
  // January 8.00; February 10.00 + 2.00 = 12.00; March 1.00 (month to date).
  await db.kmsCostDaily.createMany({ data: [cost("2026-01-15", "KEYS", 8), cost("2026-02-10", "KEYS", 10), cost("2026-02-20", "REQUESTS", 2), cost("2026-03-31", "KEYS", 1)] });
  // As the rollup step after an ingestion does: the tiles and the cost chart read the monthly sums.
  await recomputeCostMonthly(db, "2026-01-01", "2026-03-31");
});

describe("overview change against the previous period", () => {
  it("gives the API tiles the figures 30 days and one month earlier, and the change", async () => {
    const { body } = await call(overviewApi, "/api/overview");
    expect(body.tiles.coverage.coverageByCountPct).toBeCloseTo(55, 9);
    expect(body.tiles.previous.day).toBe("2026-03-01");
    expect(body.tiles.previous.coverage).toMatchObject({ day: "2026-03-01", coverageByCountPct: 40, coverageByStoragePct: 40 });
    expect(body.tiles.previous.nonCompliant).toMatchObject({ day: "2026-03-01", total: 6 });
    expect(body.tiles.previous.cost.monthBefore).toEqual({ from: "2026-01-01", total: 8 });
    expect(body.tiles.change).toEqual({ coverageByCountPts: 15, coverageByStoragePts: 30, nonCompliant: -3, lastFullMonthCost: 4, lastFullMonthCostPct: 50 });
  });

  it("gives the home page's tiles the same comparison", async () => {
    const { body } = await call(overviewApi, "/api/overview");
    const before = coverageBeforeOf(body.tiles);
    expect(before?.day.toISOString().slice(0, 10)).toBe("2026-03-01");
    expect(before?.organization).toMatchObject({ coverageByCountPct: 40, coverageByStoragePct: 40, nonCompliant: 6 });
    expect(body.tiles.cost.lastFullMonth).toMatchObject({ total: 12, keys: 10, requests: 2 });
    expect(body.tiles.cost.monthBefore.total).toBe(8);
  });

  it("has no change, not a zero one, when the earlier period was not stored", async () => {
    await db.coverageBuDaily.deleteMany({ where: { day: day("2026-03-01") } });
    await db.kmsCostDaily.deleteMany({ where: { day: day("2026-01-15") } });
    await recomputeCostMonthly(db, "2026-01-01", "2026-01-31");
    const { body } = await call(overviewApi, "/api/overview");
    expect(body.tiles.previous.coverage).toBeNull();
    expect(body.tiles.previous.cost.monthBefore).toEqual({ from: "2026-01-01", total: null });
    expect(body.tiles.change).toEqual({ coverageByCountPts: null, coverageByStoragePts: null, nonCompliant: null, lastFullMonthCost: null, lastFullMonthCostPct: null });
    expect(coverageBeforeOf(body.tiles)).toBeNull();
  });
});
