// GET /api/export/chargeback-summary beside the detailed file (GET /api/export/chargeback) on a
// hand-made month pair (figures by hand):
//   Mar: A $1.10 keys + $0.0123456789 requests = $1.1123456789, B $2.00, untagged $0.50.
//     Proportional: the $0.50 split by tagged cost share, in 1e-10 units by largest remainder:
//     A 0.5 × 1.1123456789 / 3.1123456789 = 0.17869892898… → 0.1786989290 (the larger remainder
//     takes the last unit), B 0.32130107101… → 0.3213010710; A $1.2910446079, B $2.3213010710.
//   Apr: A $1.00, untagged $0.30 (all of it to A when proportional: $1.30).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { parse } from "csv-parse/sync";
import { GET as detailed } from "@/app/api/export/chargeback/route";
import { GET as summary } from "@/app/api/export/chargeback-summary/route";
import { runWithPrincipal } from "@/lib/auth/context";
import { db as appDb } from "@/lib/db/client";
import { recomputeCostMonthly } from "@/lib/rollups/costs";
import { resetTables, testDb } from "../support/db";
import { TEST_ADMIN } from "./call";

process.env.AUTH_MODE ??= "none";
const db = testDb();

beforeAll(async () => {
  await resetTables(db);
  await db.$executeRawUnsafe(`INSERT INTO kms_cost_daily (day, account_id, business_unit, cost_center, usage_type, region, category, unblended_cost, usage_quantity) VALUES
    ('2026-03-01', '111122223333', 'A', '', 'us-east-1-KMS-Keys', 'us-east-1', 'KEYS', 1.10, 1),
    ('2026-03-15', '111122223333', 'A', '', 'us-east-1-KMS-Requests', 'us-east-1', 'REQUESTS', 0.0123456789, 4115),
    ('2026-03-01', '444455556666', 'B', '', 'eu-west-1-KMS-Keys', 'eu-west-1', 'KEYS', 2, 2),
    ('2026-03-10', '111122223333', '', '', 'us-east-1-KMS-Requests', 'us-east-1', 'REQUESTS', 0.5, 166667),
    ('2026-04-02', '111122223333', 'A', '', 'us-east-1-KMS-Keys', 'us-east-1', 'KEYS', 1, 1),
    ('2026-04-03', '444455556666', '', '', 'eu-west-1-KMS-Requests', 'eu-west-1', 'REQUESTS', 0.3, 100000)`);
  // The monthly rollup the summary reads (as ingestion leaves it); the detailed file reads the days.
  await recomputeCostMonthly(db, "2026-03-01", "2026-04-30");
});
afterAll(async () => {
  await appDb().$disconnect();
  await db.$disconnect();
});

type Row = Record<string, string>;
type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function csv(handler: Handler, path: string, query: string): Promise<{ status: number; rows: Row[]; name: string | null }> {
  const response = await runWithPrincipal(TEST_ADMIN, () => handler(new NextRequest(new URL(`${path}?${query}`, "http://127.0.0.1")), { params: Promise.resolve({}) }));
  const text = await response.text();
  return { status: response.status, rows: response.status === 200 ? (parse(text, { columns: true }) as Row[]) : [], name: response.headers.get("content-disposition") };
}

/** [month, BU, BilledCost] of the summary. */
const shape = (rows: Row[]) => rows.map((r) => [r.BillingPeriodStart, r.x_BusinessUnit, r.BilledCost, r.x_ReallocatedCost, r.x_AllocationMethod]);
/** Cents of the detailed file's BilledCost per month and BU. */
function detailedCents(rows: Row[]): Map<string, number> {
  const units = new Map<string, bigint>();
  for (const r of rows) {
    const key = `${r.BillingPeriodStart}|${r.x_BusinessUnit}`;
    const [whole, frac = ""] = r.BilledCost!.split(".");
    const value = BigInt(whole!) * 10_000_000_000n + (whole!.startsWith("-") ? -1n : 1n) * BigInt((frac + "0000000000").slice(0, 10));
    units.set(key, (units.get(key) ?? 0n) + value);
  }
  return new Map([...units].map(([k, u]) => [k, Math.round(Number(u) / 1e8)]));
}
const summaryCents = (rows: Row[]) => new Map(rows.map((r) => [`${r.BillingPeriodStart}|${r.x_BusinessUnit}`, Math.round(Number(r.BilledCost) * 100)]));

describe("GET /api/export/chargeback-summary", () => {
  it("has one row per month and business unit, untagged kept with allocation direct", async () => {
    const { status, rows, name } = await csv(summary, "/api/export/chargeback-summary", "from=2026-03&to=2026-04");
    expect(status).toBe(200);
    expect(name).toBe('attachment; filename="kms-chargeback-summary-2026-03-to-2026-04-direct.csv"');
    expect(shape(rows)).toEqual([
      ["2026-03-01T00:00:00Z", "(untagged)", "0.5", "0", "direct:untagged-not-reallocated"],
      ["2026-03-01T00:00:00Z", "A", "1.1123456789", "0", "direct:business-unit-tag"],
      ["2026-03-01T00:00:00Z", "B", "2", "0", "direct:business-unit-tag"],
      ["2026-04-01T00:00:00Z", "(untagged)", "0.3", "0", "direct:untagged-not-reallocated"],
      ["2026-04-01T00:00:00Z", "A", "1", "0", "direct:business-unit-tag"],
    ]);
    expect(rows[1]).toMatchObject({ BillingPeriodEnd: "2026-04-01T00:00:00Z", x_KeysCost: "1.1", x_RequestsCost: "0.0123456789", BillingCurrency: "USD", x_CostSource: "CostExplorer" });
  });

  it("spreads untagged cost by tagged share with allocation proportional", async () => {
    const { rows } = await csv(summary, "/api/export/chargeback-summary", "from=2026-03&to=2026-04&allocation=proportional");
    expect(shape(rows)).toEqual([
      ["2026-03-01T00:00:00Z", "A", "1.2910446079", "0.178698929", "proportional:untagged-by-tagged-cost-share"],
      ["2026-03-01T00:00:00Z", "B", "2.321301071", "0.321301071", "proportional:untagged-by-tagged-cost-share"],
      ["2026-04-01T00:00:00Z", "A", "1.3", "0.3", "proportional:untagged-by-tagged-cost-share"],
    ]);
  });

  for (const allocation of ["direct", "proportional"]) {
    it(`sums to the cent with the detailed file per month and business unit (${allocation})`, async () => {
      const query = `from=2026-03&to=2026-04&allocation=${allocation}`;
      const [d, s] = await Promise.all([csv(detailed, "/api/export/chargeback", query), csv(summary, "/api/export/chargeback-summary", query)]);
      expect(d.rows.length).toBeGreaterThan(s.rows.length);
      expect(summaryCents(s.rows)).toEqual(detailedCents(d.rows));
    });
  }

  it("answers 400 naming a bad period", async () => {
    const { status } = await csv(summary, "/api/export/chargeback-summary", "from=2026-13");
    expect(status).toBe(400);
  });
});
