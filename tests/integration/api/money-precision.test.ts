// Money at Cost Explorer's precision (issue #13 item 12): sums are exact (SQL numeric or integer
// units), every figure sent is rounded to 10 decimals, and the chargeback's proportional shares
// add up to the untagged cost to the last digit. Fixture: March 2026, figures summed by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET as chargebackJson } from "@/app/api/costs/chargeback/route";
import { GET as costsByBu } from "@/app/api/costs/by-bu/route";
import { GET as exportChargeback } from "@/app/api/export/chargeback/route";
import { runWithPrincipal } from "@/lib/auth/context";
import { db as appDb } from "@/lib/db/client";
import { toMoneyUnits } from "@/lib/domain/money";
import { toCsv } from "@/lib/export/csv";
import { windowTotal } from "@/lib/queries/kms-cost-summary";
import { overview } from "@/lib/queries/overview";
import { recomputeCostMonthly } from "@/lib/rollups/costs";
import { resetTables, testDb } from "../support/db";
import { call, TEST_ADMIN, type Json } from "./call";

const db = testDb();
afterAll(async () => {
  await appDb().$disconnect();
  await db.$disconnect();
});

// March: payments keys 0.1 + requests 0.2 (= 0.3, which float addition makes 0.30000000000000004);
// untagged requests 0.0000003333 (a handful of requests, at the 10 decimals Cost Explorer gives).
// April: A, B, C keys 0.1 each, untagged keys 1.00 (to share out in thirds).
const COSTS: [day: string, businessUnit: string, category: "KEYS" | "REQUESTS", amount: string][] = [
  ["2026-03-02", "payments", "KEYS", "0.1"],
  ["2026-03-03", "payments", "REQUESTS", "0.2"],
  ["2026-03-05", "", "REQUESTS", "0.0000003333"],
  ["2026-04-02", "A", "KEYS", "0.1"],
  ["2026-04-02", "B", "KEYS", "0.1"],
  ["2026-04-02", "C", "KEYS", "0.1"],
  ["2026-04-04", "", "KEYS", "1.00"],
];
beforeAll(async () => {
  await resetTables(db);
  await db.kmsCostDaily.createMany({
    data: COSTS.map(([day, businessUnit, category, amount]) => ({
      day: new Date(`${day}T00:00:00Z`), accountId: "111122223333", businessUnit, costCenter: "", usageType: `USE1-KMS-${category === "KEYS" ? "Keys" : "Requests"}`,
      region: "us-east-1", category, unblendedCost: amount, usageQuantity: 1,
    })),
  });
  await recomputeCostMonthly(db, "2026-03-01", "2026-04-30");
});

const march = "from=2026-03&to=2026-03";
// /api/costs/by-bu and /api/costs/chargeback take days (the months touching them are whole).
const marchDays = "from=2026-03-01&to=2026-03-31";

describe("money sums", () => {
  it("sends the JSON number 0.3 for 0.1 + 0.2, and keeps 10 decimals (0.0000003333)", async () => {
    const res = await runWithPrincipal(TEST_ADMIN, () => costsByBu(new Request(`http://x/api/costs/by-bu?granularity=month&${marchDays}`)));
    const text = await res.text();
    const { rows } = JSON.parse(text) as { rows: Json[] };
    expect(rows.map((r) => [r.businessUnit, r.keys, r.requests, r.total])).toEqual([
      ["(untagged)", 0, 0.0000003333, 0.0000003333],
      ["payments", 0.1, 0.2, 0.3],
    ]);
    expect(text).toContain('"total":0.3,'); // usage total; the bill's other charges and the source follow
  });

  it("writes the table CSV cells 0.3 and 0.0000003333 (no float noise, no exponent)", async () => {
    const { body } = await call(costsByBu, `/api/costs/by-bu?granularity=month&${marchDays}`);
    // The costs table's columns (components/costs/costs-view.tsx) read the JSON fields as they are.
    const csv = toCsv([{ header: "Business unit", value: (r: Json) => r.businessUnit }, { header: "Total (USD)", value: (r: Json) => r.total }], body.rows);
    expect(csv).toBe("Business unit,Total (USD)\r\n(untagged),0.0000003333\r\npayments,0.3\r\n");
  });

  it("sums the overview's KMS cost per category in SQL: payments' March is 0.1 + 0.2 = 0.3", async () => {
    expect((await overview(db, { bu: ["payments"] })).tiles.cost).toMatchObject({ lastFullMonth: { keys: 0.1, requests: 0.2, total: 0.3 } });
    const all = (await overview(db)).tiles.cost;
    expect(all?.lastFullMonth).toMatchObject({ keys: 0.1, requests: 0.2000003333, other: 0, total: 0.3000003333 });
    expect(all?.monthToDate).toMatchObject({ keys: 1.3, requests: 0, total: 1.3 });
  });

  it("writes a 10-decimal cost as it is in the chargeback export", async () => {
    const res = await runWithPrincipal(TEST_ADMIN, () => exportChargeback(new NextRequest(new URL(`/api/export/chargeback?${march}`, "http://x"))));
    const billed = (await res.text()).trim().split("\n").slice(1).map((line) => line.split(",")[11]);
    expect(billed).toEqual(["0.1", "0.2", "0.0000003333"]);
  });
});

describe("proportional chargeback", () => {
  it("shares 1.00 over three equal BUs as 0.3333333334 + 0.3333333333 + 0.3333333333, adding up to the billed total exactly", async () => {
    const { status, body } = await call(chargebackJson, "/api/costs/chargeback?from=2026-04-01&to=2026-04-30&allocation=proportional");
    expect([status, body.error]).toEqual([200, undefined]);
    expect(body.rows.map((r: Json) => [r.x_BusinessUnit, r.x_DirectCost, r.x_ReallocatedCost, r.BilledCost])).toEqual([
      ["A", 0.1, 0.3333333334, 0.4333333334],
      ["B", 0.1, 0.3333333333, 0.4333333333],
      ["C", 0.1, 0.3333333333, 0.4333333333],
    ]);
    const unitsOf = (field: string) => body.rows.reduce((a: bigint, r: Json) => a + toMoneyUnits(r[field]), 0n);
    expect(unitsOf("x_ReallocatedCost")).toBe(toMoneyUnits("1"));
    expect(unitsOf("BilledCost")).toBe(toMoneyUnits("1.3"));
    expect(body.total).toBe(1.3);
  });

  it("gives the only tagged BU all of a 10-decimal untagged cost", async () => {
    const { body } = await call(chargebackJson, `/api/costs/chargeback?${marchDays}&allocation=proportional`);
    expect(body.rows.map((r: Json) => [r.x_BusinessUnit, r.x_ReallocatedCost, r.BilledCost])).toEqual([["payments", 0.0000003333, 0.3000003333]]);
    expect(body.total).toBe(0.3000003333);
  });
});

describe("a window's cost total (the overview's cost tiles)", () => {
  const window = (from: string, to: string) => ({ from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) });

  it("sums a calendar month from the monthly rollup to the same digits as the daily rows", async () => {
    // March 1-31 is a calendar month (cost_bu_monthly); March 1-30 is not (kms_cost, daily rows). No row on March 31.
    const whole = await windowTotal(db, window("2026-03-01", "2026-03-31"));
    const days = await windowTotal(db, window("2026-03-01", "2026-03-30"));
    expect(whole).toMatchObject({ keys: 0.1, requests: 0.2000003333, total: 0.3000003333, net: 0.3000003333, source: "Cost Explorer" });
    expect({ ...whole, to: null, days: whole.days > 0 }).toEqual({ ...days, to: null, days: days.days > 0 });
  });

  it("limits the month to the business units asked for, and says no data (0 rows) for a month without cost", async () => {
    expect(await windowTotal(db, window("2026-04-01", "2026-04-30"), { bu: ["A", "B"] })).toMatchObject({ keys: 0.2, total: 0.2 });
    expect((await windowTotal(db, window("2026-05-01", "2026-05-31"))).days).toBe(0);
  });

  it("reads the daily rows for an account or region filter (the monthly rollup has neither)", async () => {
    const march = window("2026-03-01", "2026-03-31");
    expect(await windowTotal(db, march, { account: ["111122223333"] })).toMatchObject({ total: 0.3000003333 });
    expect(await windowTotal(db, march, { region: ["us-east-1"], bu: ["payments"] })).toMatchObject({ total: 0.3 });
    expect((await windowTotal(db, march, { account: ["999999999999"] })).days).toBe(0);
  });
});
