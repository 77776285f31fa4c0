// GET /api/costs/unit-cost: KMS cost per TiB of CMK-protected storage per BU and month, on a
// hand-made estate (figures below computed by hand; TiB = 2^40 bytes).
//   payments: a CMK volume of 0.5 TiB in account A from Oct 1, grown to 1 TiB on Nov 16, and a
//     CMK bucket of unknown size (left out of the bytes: half its resources are of unknown size);
//     cost Oct $10.00 (account A) + $2.50 (account B), Nov $15.00, Dec from a final bill: $10.00
//     usage and a $1.00 credit (net $9.00).
//   analytics: 1 TiB on an AWS managed key (no CMK storage); cost Oct $3.00.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as unitCost } from "@/app/api/costs/unit-cost/route";
import type { Principal } from "@/lib/auth/principal";
import { OPEN_END, dayToDate } from "@/lib/domain/days";
import { recomputeCostMonthly } from "@/lib/rollups/costs";
import { recomputeCoverage } from "@/lib/rollups/coverage";
import { resetTables, testDb } from "../support/db";
import { call, type Json } from "./call";

const db = testDb();
const A = "111111111111";
const B = "222222222222";
const TIB = 2n ** 40n;
const BILL = "00000000-0000-4000-8000-0000000000d1";
afterAll(() => db.$disconnect());

beforeAll(async () => {
  await resetTables(db);
  const resource = (name: string, businessUnit: string, service: "EBS" | "S3", encryptionClass: "CUSTOMER_KMS" | "AWS_MANAGED_KMS", sizeBytes: bigint | null, validFrom: string, validTo = OPEN_END) => ({
    resourceArn: `arn:aws:${service.toLowerCase()}:us-east-1:${A}:${name}`, accountId: A, region: "us-east-1", service, name, businessUnit, encryptionClass, sizeBytes,
    validFrom: dayToDate(validFrom), validTo: dayToDate(validTo), contentHash: `${name}-${validFrom}`,
  });
  await db.storageResourceVersion.createMany({
    data: [
      resource("p-vol", "payments", "EBS", "CUSTOMER_KMS", TIB / 2n, "2026-10-01", "2026-11-16"),
      resource("p-vol", "payments", "EBS", "CUSTOMER_KMS", TIB, "2026-11-16"),
      resource("p-bucket", "payments", "S3", "CUSTOMER_KMS", null, "2026-10-01"),
      resource("a-vol", "analytics", "EBS", "AWS_MANAGED_KMS", TIB, "2026-10-01"),
    ],
  });
  await recomputeCoverage(db, "2026-10-01", "2026-12-31");
  const cost = (day: string, accountId: string, businessUnit: string, category: "KEYS" | "REQUESTS", unblendedCost: number) => ({
    day: dayToDate(day), accountId, businessUnit, costCenter: "", usageType: `USE1-KMS-${category === "KEYS" ? "Keys" : "Requests"}`, region: "us-east-1", category, unblendedCost, usageQuantity: 1,
  });
  await db.kmsCostDaily.createMany({
    data: [
      cost("2026-10-01", A, "payments", "KEYS", 10),
      cost("2026-10-15", B, "payments", "REQUESTS", 2.5),
      cost("2026-10-01", A, "analytics", "KEYS", 3),
      cost("2026-11-01", A, "payments", "KEYS", 15),
      // Replaced by the bill of December: its source for that month.
      cost("2026-12-01", A, "payments", "KEYS", 99),
    ],
  });
  await db.$executeRawUnsafe(`INSERT INTO bill_import (id, billing_period, format, source, fingerprint, final, status, started_at)
    VALUES ('${BILL}', '2026-12-01', 'FOCUS_1_2', 's3://bills/kms/2026-12', 'f-dec', true, 'SUCCEEDED', '2027-01-03T06:00:00Z')`);
  await db.$executeRawUnsafe(`INSERT INTO bill_cost_line (billing_period, day, account_id, region, usage_type, resource_id, business_unit, charge_category, charge_class, category, billed_cost, effective_cost, list_cost, consumed_quantity, consumed_unit, import_id) VALUES
    ('2026-12-01', '2026-12-01', '${A}', 'us-east-1', 'USE1-KMS-Keys', 'k1', 'payments', 'Usage', '', 'KEYS', 10, 10, 10, 10, 'Keys', '${BILL}'),
    ('2026-12-01', '2026-12-01', '${A}', '', 'USE1-KMS-Keys', '', 'payments', 'Credit', '', 'KEYS', -1, -1, -1, 0, '', '${BILL}')`);
  await recomputeCostMonthly(db, "2026-10-01", "2026-12-31");
});

/** [month, BU, cost, average CMK TiB, days with data, unknown-size %, cost per TiB] */
const shape = (rows: Json[]) => rows.map((r) => [r.month, r.businessUnit, r.cost, r.cmkTiB, r.daysWithData, r.unknownSizePct, r.costPerTiB]);
const range = "from=2026-10&to=2026-12";

describe("GET /api/costs/unit-cost", () => {
  it("divides the BU-month's net cost by its average CMK TiB over the month's days with data", async () => {
    const { status, body } = await call(unitCost, `/api/costs/unit-cost?${range}`);
    expect(status).toBe(200);
    expect([body.from, body.to]).toEqual(["2026-10-01", "2026-12-31"]);
    expect(shape(body.rows)).toEqual([
      // No CMK storage: no unit cost ("no data"), not a division by zero.
      ["2026-10-01", "analytics", 3, 0, 31, 0, null],
      // $12.50 ÷ 0.5 TiB.
      ["2026-10-01", "payments", 12.5, 0.5, 31, 50, 25],
      // Storage without cost in a month holding cost: $0.
      ["2026-11-01", "analytics", 0, 0, 30, 0, null],
      // 15 days × 0.5 TiB + 15 days × 1 TiB over 30 days = 0.75 TiB; $15.00 ÷ 0.75.
      ["2026-11-01", "payments", 15, 0.75, 30, 50, 20],
      ["2026-12-01", "analytics", 0, 0, 31, 0, null],
      // The bill's net, as the chargeback bills it: $10.00 usage − $1.00 credit over 1 TiB.
      ["2026-12-01", "payments", 9, 1, 31, 50, 9],
    ]);
    expect(body.rows.map((r: Json) => [r.month, r.costSource, r.billStatus, r.sourceLabel])).toContainEqual(["2026-12-01", "Bill", "final", "bill (final)"]);
    expect(body.rows[0].costSource).toBe("CostExplorer");
  });

  it("takes the BU's cost exactly as the chargeback bills it (net, allocation direct)", async () => {
    const { GET: chargeback } = await import("@/app/api/costs/chargeback/route");
    const billed = await call(chargeback, `/api/costs/chargeback?${range}`);
    const { body } = await call(unitCost, `/api/costs/unit-cost?${range}`);
    const withCost = body.rows.filter((r: Json) => r.cost !== 0).map((r: Json) => [r.month, r.businessUnit, r.cost]);
    expect(withCost).toEqual(billed.body.rows.map((r: Json) => [r.BillingPeriodStart, r.x_BusinessUnit, r.BilledCost]));
  });

  it("reads days as their whole months, and cuts cost and storage alike by account", async () => {
    const days = await call(unitCost, "/api/costs/unit-cost?from=2026-10-05&to=2026-10-20&bu=payments");
    expect(shape(days.body.rows)).toEqual([["2026-10-01", "payments", 12.5, 0.5, 31, 50, 25]]);
    // Account A: $10.00 over the 0.5 TiB volume there.
    const a = await call(unitCost, `/api/costs/unit-cost?from=2026-10&to=2026-10&bu=payments&account=${A}`);
    expect(shape(a.body.rows)).toEqual([["2026-10-01", "payments", 10, 0.5, 31, 50, 20]]);
    // Account B holds cost but no resource: no storage, no unit cost, no unknown share.
    const b = await call(unitCost, `/api/costs/unit-cost?from=2026-10&to=2026-10&account=${B}`);
    expect(shape(b.body.rows)).toEqual([["2026-10-01", "payments", 2.5, 0, 31, null, null]]);
  });

  it("shows a BU-scoped viewer only their BU, with the admin's figures", async () => {
    const viewer: Principal = { kind: "session", id: "v", name: "v", role: "viewer", businessUnits: ["payments"] };
    const mine = await call(unitCost, `/api/costs/unit-cost?${range}`, { principal: viewer });
    const admin = await call(unitCost, `/api/costs/unit-cost?${range}&bu=payments`);
    expect(mine.status).toBe(200);
    expect(new Set(mine.body.rows.map((r: Json) => r.businessUnit))).toEqual(new Set(["payments"]));
    expect(mine.body).toEqual(admin.body);
    const foreign = await call(unitCost, `/api/costs/unit-cost?${range}&bu=analytics`, { principal: viewer });
    expect(foreign.status).toBe(404);
  });

  it("refuses a bad period or an unknown parameter", async () => {
    expect((await call(unitCost, "/api/costs/unit-cost?from=2026-13")).body.error.message).toBe("from: must be a month (2026-03) or a day (2026-03-15)");
    expect((await call(unitCost, "/api/costs/unit-cost?granularity=day")).status).toBe(400);
  });
});
