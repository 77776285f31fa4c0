// GET /api/costs/by-bu?groupBy=: the showback by business unit, cost center or account, on a
// hand-made kms_cost_daily (figures below summed by hand).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as costsByBu } from "@/app/api/costs/by-bu/route";
import { resetTables, testDb } from "../support/db";
import { call, type Json } from "./call";

const db = testDb();
const A = "111111111111";
const B = "222222222222";
afterAll(() => db.$disconnect());
beforeAll(async () => {
  await resetTables(db);
  const row = (day: string, accountId: string, businessUnit: string, costCenter: string, usageType: string, category: "KEYS" | "REQUESTS", cost: number) => ({
    day: new Date(`${day}T00:00:00Z`), accountId, businessUnit, costCenter, usageType, region: "us-east-1", category, unblendedCost: cost, usageQuantity: 1,
  });
  await db.kmsCostDaily.createMany({
    data: [
      row("2026-02-10", A, "payments", "cc-1", "USE1-KMS-Keys", "KEYS", 2.0),
      row("2026-02-10", A, "payments", "cc-1", "USE1-KMS-Requests", "REQUESTS", 0.3),
      row("2026-02-10", B, "", "", "USE1-KMS-Keys", "KEYS", 1.0),
      row("2026-02-11", B, "analytics", "cc-1", "USE1-KMS-Requests", "REQUESTS", 0.05),
      row("2026-03-05", A, "", "cc-2", "USE1-KMS-Keys", "KEYS", 4.0),
    ],
  });
});

const shape = (rows: Json[], field: string) => rows.map((r) => [r.period, r.group, r[field], r.keys, r.requests, Number(r.total.toFixed(4))]);
const range = "granularity=month&from=2026-02-01&to=2026-03-31";

describe("GET /api/costs/by-bu groupBy", () => {
  it("offers no cost-center grouping: the collector does not fetch that tag, every figure would be (untagged)", async () => {
    const { status, body } = await call(costsByBu, `/api/costs/by-bu?${range}&groupBy=costCenter`);
    expect(status).toBe(400);
    expect(body.error.message).toBe("groupBy: must be one of bu, account");
  });

  it("groups by account, and still filters by business unit", async () => {
    const all = await call(costsByBu, `/api/costs/by-bu?${range}&groupBy=account`);
    expect(shape(all.body.rows, "accountId")).toEqual([
      ["2026-02-01", A, A, 2, 0.3, 2.3],
      ["2026-02-01", B, B, 1, 0.05, 1.05],
      ["2026-03-01", A, A, 4, 0, 4],
    ]);
    const untagged = await call(costsByBu, `/api/costs/by-bu?${range}&groupBy=account&bu=(untagged)`);
    expect(shape(untagged.body.rows, "accountId")).toEqual([
      ["2026-02-01", B, B, 1, 0, 1],
      ["2026-03-01", A, A, 4, 0, 4],
    ]);
  });

  it("keeps business unit as the default grouping, with businessUnit on each row", async () => {
    const { body } = await call(costsByBu, "/api/costs/by-bu?from=2026-02-10&to=2026-02-11");
    expect(body.groupBy).toBe("bu");
    expect(shape(body.rows, "businessUnit")).toEqual([
      ["2026-02-10", "(untagged)", "(untagged)", 1, 0, 1],
      ["2026-02-10", "payments", "payments", 2, 0.3, 2.3],
      ["2026-02-11", "analytics", "analytics", 0, 0.05, 0.05],
    ]);
  });

  it("refuses an unknown grouping", async () => {
    const { status, body } = await call(costsByBu, "/api/costs/by-bu?groupBy=team");
    expect(status).toBe(400);
    expect(body.error.message).toBe("groupBy: must be one of bu, account");
  });
});

describe("monthly totals: one rule for every grouping and filter", () => {
  // Whole months touching 2026-02-20..2026-03-01: all of Feb and Mar, whatever cuts the query.
  // Feb 2 + 0.3 + 1 + 0.05, Mar 4 → 7.35 in total; in us-east-1 all of it, account A 6.3.
  const cut = "granularity=month&from=2026-02-20&to=2026-03-01";
  const total = (rows: Json[]) => Math.round(rows.reduce((s, r) => s + (r.total as number), 0) * 1e10) / 1e10;

  it("gives the same total by BU (monthly rollup), by account, and filtered by region", async () => {
    const { recomputeCostMonthly } = await import("@/lib/rollups/costs");
    await recomputeCostMonthly(db, "2026-02-01", "2026-03-31");
    const bu = await call(costsByBu, `/api/costs/by-bu?${cut}`);
    expect(bu.body.source).toBe("cost_bu_monthly");
    expect(total(bu.body.rows)).toBe(7.35);
    expect(total((await call(costsByBu, `/api/costs/by-bu?${cut}&groupBy=account`)).body.rows)).toBe(7.35);
    expect(total((await call(costsByBu, `/api/costs/by-bu?${cut}&region=us-east-1`)).body.rows)).toBe(7.35);
    expect(total((await call(costsByBu, `/api/costs/by-bu?${cut}&account=${A}`)).body.rows)).toBe(6.3);
    expect(bu.body.to).toBe("2026-03-31");
  });

  it("sums money in SQL: 0.1 + 0.2 is 0.3, not 0.30000000000000004", async () => {
    await db.kmsCostDaily.createMany({
      data: [0.1, 0.2].map((cost, i) => ({
        day: new Date("2026-04-01T00:00:00Z"), accountId: A, businessUnit: "money", costCenter: "", usageType: `u${i}`, region: "us-east-1",
        category: i === 0 ? "KEYS" : "REQUESTS", unblendedCost: cost, usageQuantity: 1,
      })),
    });
    const { body } = await call(costsByBu, "/api/costs/by-bu?from=2026-04-01&to=2026-04-01&groupBy=account");
    expect(body.rows).toEqual([expect.objectContaining({ keys: 0.1, requests: 0.2, total: 0.3 })]);
  });
});

describe("GET /api/costs/chargeback: the export's parameters and month rule", () => {
  it("reads whole months and takes allocation=direct|proportional, money rounded to 10 decimals", async () => {
    const { GET: chargeback } = await import("@/app/api/costs/chargeback/route");
    const direct = await call(chargeback, "/api/costs/chargeback?from=2026-02-20&to=2026-03-01&allocation=direct");
    expect(direct.body.allocation).toBe("direct");
    expect(direct.body.total).toBe(7.35);
    expect(direct.body.to).toBe("2026-03-31");
    // Feb: untagged 1.00 over payments 2.30 and analytics 0.05 (tagged 2.35).
    const prop = await call(chargeback, "/api/costs/chargeback?from=2026-02-20&to=2026-03-01&allocation=proportional&account=111111111111,222222222222");
    expect(prop.body.total).toBe(7.35);
    const feb = prop.body.rows.filter((r: Json) => r.BillingPeriodStart === "2026-02-01").map((r: Json) => [r.x_BusinessUnit, r.x_ReallocatedCost, r.BilledCost]);
    expect(feb).toEqual([
      ["analytics", 0.0212765957, 0.0712765957],
      ["payments", 0.9787234043, 3.2787234043],
    ]);
    // A month stands for itself, as in the export: the same rows as its first and last day.
    const payments = await call(chargeback, "/api/costs/chargeback?from=2026-02&to=2026-02&allocation=proportional&bu=payments&region=us-east-1");
    expect(payments.body.rows.map((r: Json) => [r.x_BusinessUnit, r.BilledCost])).toEqual([["payments", 3.2787234043]]);
    const byDays = await call(chargeback, "/api/costs/chargeback?from=2026-02-01&to=2026-02-28&allocation=proportional&bu=payments&region=us-east-1");
    expect(byDays.body.rows).toEqual(payments.body.rows);
    const badMonth = await call(chargeback, "/api/costs/chargeback?from=2026-13");
    expect([badMonth.status, badMonth.body.error.message]).toEqual([400, "from: must be a month (2026-03) or a day (2026-03-15)"]);
    // The name of earlier versions is refused with the name that replaced it.
    const bad = await call(chargeback, "/api/costs/chargeback?reallocate=proportional");
    expect([bad.status, bad.body.error.message]).toEqual([400, "reallocate: was renamed allocation (direct or proportional)"]);
  });
});

describe("business-unit tag key change", () => {
  it("records the day the key changed and marks it on the cost figures and the CSV export", async () => {
    const { saveSettings } = await import("@/lib/settings/save");
    const before = await call(costsByBu, "/api/costs/by-bu?from=2026-02-10&to=2026-02-11");
    expect(before.body.businessUnitTagKeyChange).toBeNull();
    await saveSettings(db, { businessUnitTagKey: "team" });
    const today = new Date().toISOString().slice(0, 10);
    const after = await call(costsByBu, "/api/costs/by-bu?from=2026-02-10&to=2026-02-11");
    expect(after.body.businessUnitTagKeyChange).toEqual({ key: "team", since: today });
    const { GET: exportCsv } = await import("@/app/api/export/chargeback/route");
    const { NextRequest } = await import("next/server");
    const res = await exportCsv(new NextRequest(new URL("/api/export/chargeback?from=2026-02&to=2026-02", "http://127.0.0.1")));
    expect(res.headers.get("x-business-unit-tag-key-since")).toBe(`team ${today}`);
    await res.text();
  });
});
