// What the showback pack prints for a month, over the hand-made dataset of ./fixture.ts:
// November 2026 closes on 2026-11-30 (coverage), costs payments 1.00 + 0.05 + 9.99 = 11.04 and
// search nothing; October has no cost (no figure, not $0); the cost rows equal the API's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as costsByBuApi } from "@/app/api/costs/by-bu/route";
import { recomputeCostMonthly } from "@/lib/rollups/costs";
import { monthDays, previousMonth, showbackData } from "@/lib/reports/showback-data";
import { call } from "../api/call";
import { resetTables, testDb } from "../support/db";
import { loadDigestFixture } from "./fixture";

const db = testDb();
beforeAll(async () => {
  await resetTables(db);
  await loadDigestFixture(db);
  // The monthly cost rollup the cost-per-BU query reads, as ingestion leaves it.
  await recomputeCostMonthly(db, "2026-10-01", "2026-12-31");
});
afterAll(() => db.$disconnect());

describe("showback pack data", () => {
  it("has the month's closing coverage per BU, its cost per BU, and no figure for a month without cost", async () => {
    const d = await showbackData(db, "2026-11");
    expect(d.coverage?.day.toISOString().slice(0, 10)).toBe("2026-11-30");
    expect(d.coverage?.organization).toMatchObject({ resources: 14, cmkResources: 7, coverageByCountPct: 50, nonCompliant: 6 });
    expect(d.coverage?.byBusinessUnit.map((b) => [b.businessUnit, b.coverageByCountPct])).toEqual([["search", 0], ["payments", 70]]);
    expect(d.cost.byBusinessUnit.map((r) => [r.group, r.keys, r.requests, r.total])).toEqual([["payments", 1, 10.04, 11.04]]);
    expect([d.cost.month.total, d.cost.month.keys, d.cost.month.requests]).toEqual([11.04, 1, 10.04]);
    expect(d.cost.monthBefore).toBeNull();
    const api = (await call(costsByBuApi, "/api/costs/by-bu?granularity=month&from=2026-11-01&to=2026-11-30")).body;
    expect(api.rows).toEqual(d.cost.byBusinessUnit);
  });

  it("compares December's cost with November's and has no coverage in a month without rollups", async () => {
    const d = await showbackData(db, "2026-12");
    expect(d.coverage).toBeNull();
    expect(d.cost.month.total).toBe(6.25);
    expect(d.cost.monthBefore?.total).toBe(11.04);
  });

  it("knows month boundaries", () => {
    expect(monthDays("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(previousMonth("2027-01")).toBe("2026-12");
  });
});
