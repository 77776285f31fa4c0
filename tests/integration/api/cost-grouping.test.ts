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
  it("groups by cost center, the empty one shown as (untagged)", async () => {
    const { body } = await call(costsByBu, `/api/costs/by-bu?${range}&groupBy=costCenter`);
    expect(body.groupBy).toBe("costCenter");
    expect(body.source).toBe("kms_cost_daily");
    expect(shape(body.rows, "costCenter")).toEqual([
      ["2026-02-01", "(untagged)", "(untagged)", 1, 0, 1],
      ["2026-02-01", "cc-1", "cc-1", 2, 0.35, 2.35],
      ["2026-03-01", "cc-2", "cc-2", 4, 0, 4],
    ]);
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
    expect(body.error.message).toBe("groupBy: must be one of bu, costCenter, account");
  });
});
