// The bill's consumers (issue 15) on a small hand-made bill, inserted as the importer writes it
// (bill_import + bill_cost_line), with Cost Explorer rows beside it. Every figure below is summed
// by hand from these rows.
//
// January 2026: Cost Explorer only (a FAILED bill import of it is ignored).
// February 2026: bill, final (its latest successful import says so), and Cost Explorer.
// March 2026: bill only, provisional.
// Keys: k1 (payments, Bucket Key candidate b1 its only user), k2 (search, shared by b2 and b3),
// k3 (untagged, Disabled: DISABLED_BILLED, billed $1.50 in February).
//
// February bill by BU (usage = Usage lines that are not corrections):
//   payments  keys 2.00 + requests 0.30 + 0.06 = usage 2.36; credit -0.50; correction -0.06; net 1.80
//   search    keys 1.00 + requests 0.03        = usage 1.03; net 1.03
//   untagged  keys 1.50 (k3)                   = usage 1.50; tax 0.44; net 1.94
//   month usage 4.89, net 4.77
// February Cost Explorer: payments 2.00 + 0.33 = 2.33, search 1.03, untagged 1.00, retail 0.50 = 4.86.
import { parse } from "csv-parse/sync";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as costsByBu } from "@/app/api/costs/by-bu/route";
import { GET as chargebackJson } from "@/app/api/costs/chargeback/route";
import { GET as reconciliation } from "@/app/api/costs/reconciliation/route";
import { GET as exportChargeback } from "@/app/api/export/chargeback/route";
import { GET as keyDetail } from "@/app/api/keys/[arn]/route";
import { GET as keys } from "@/app/api/keys/route";
import { GET as bucketKeys } from "@/app/api/savings/bucket-keys/route";
import { GET as idleKeys } from "@/app/api/savings/idle-keys/route";
import { PUT as putSettings } from "@/app/api/settings/route";
import { runWithPrincipal } from "@/lib/auth/context";
import type { Principal } from "@/lib/auth/principal";
import { db as appDb } from "@/lib/db/client";
import { toMoneyUnits } from "@/lib/domain/money";
import { closeQueueClient } from "@/lib/ingestion/queue-client";
import { recomputeKeyFindings } from "@/lib/rollups/findings";
import { recomputeBucketKeySavings } from "@/lib/rollups/bucket-key-savings";
import { recomputeAllCostMonths } from "@/lib/rollups/costs";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, cmk, volume } from "../../fixtures/records";
import { call, TEST_ADMIN, type Json } from "../api/call";
import { resetTables, testDb } from "../support/db";
import { runSettingsRecompute } from "../support/settings-recompute";

const db = testDb();

const K = {
  k1: cmk("k1"),
  k2: cmk("k2", { tags: { owner: "team-s", "cost-center": "cc-2", "business-unit": "search" } }),
  k3: cmk("k3", { keyState: "Disabled", rotationCount: 0, tags: {} }),
};
const bucket = (name: string, key: typeof K.k1, bu: string) =>
  volume(name, { resourceArn: `arn:aws:s3:::${name}`, service: "S3", sizeBytes: null, sseAlgorithm: "aws:kms", keyRef: key.keyArn, keyArn: key.keyArn, bucketKeyEnabled: false, tags: { "business-unit": bu, env: "prod" } });

const FEB_FINAL = "00000000-0000-4000-8000-0000000000f2";
const MAR = "00000000-0000-4000-8000-0000000000a3";

/** One bill line as the importer writes it (FOCUS names mapped to the table's columns). */
function line(period: string, day: string, resource: string, usageType: string, bu: string, chargeCategory: string, chargeClass: string, category: string, cost: string, quantity: string, unit: string, importId: string) {
  const region = usageType.startsWith("eu-west-1-") ? "eu-west-1" : "";
  return `('${period}', '${day}', '${ACCOUNT}', '${region}', '${usageType}', '${resource}', '${bu}', '${chargeCategory}', '${chargeClass}', '${category}', ${cost}, ${cost}, ${cost}, ${quantity}, '${unit}', '${importId}')`;
}

beforeAll(async () => {
  await resetTables(db);
  await storeInventorySnapshot(db, {
    day: "2026-03-01", runId: null, settings: defaultPolicySettings,
    snapshot: { accountId: ACCOUNT, region: REGION, keys: Object.values(K), keyUsage: [], warnings: [],
      resources: [bucket("b1", K.k1, "payments"), bucket("b2", K.k2, "search"), bucket("b3", K.k2, "search")] },
  });
  await recomputeKeyFindings(db);
  await db.$executeRawUnsafe(`INSERT INTO bill_import (id, billing_period, format, source, fingerprint, final, status, started_at) VALUES
    ('00000000-0000-4000-8000-0000000000e1', '2026-01-01', 'FOCUS_1_2', 's3://bills/kms/2026-01', 'f-jan', true, 'FAILED', '2026-02-03T06:00:00Z'),
    ('00000000-0000-4000-8000-0000000000f1', '2026-02-01', 'FOCUS_1_2', 's3://bills/kms/2026-02', 'f-feb-1', false, 'SUCCEEDED', '2026-02-20T06:00:00Z'),
    ('${FEB_FINAL}', '2026-02-01', 'FOCUS_1_2', 's3://bills/kms/2026-02', 'f-feb-2', true, 'SUCCEEDED', '2026-03-05T06:00:00Z'),
    ('${MAR}', '2026-03-01', 'FOCUS_1_2', 's3://bills/kms/2026-03', 'f-mar', false, 'SUCCEEDED', '2026-03-03T06:00:00Z')`);
  const F = "2026-02-01";
  await db.$executeRawUnsafe(`INSERT INTO bill_cost_line (billing_period, day, account_id, region, usage_type, resource_id, business_unit, charge_category, charge_class, category, billed_cost, effective_cost, list_cost, consumed_quantity, consumed_unit, import_id) VALUES
    ${[
      line(F, "2026-02-01", K.k1.keyArn, "eu-west-1-KMS-Keys", "payments", "Usage", "", "KEYS", "2.00", "2", "Keys", FEB_FINAL),
      line(F, "2026-02-10", K.k1.keyArn, "eu-west-1-KMS-Requests", "payments", "Usage", "", "REQUESTS", "0.30", "100000", "Requests", FEB_FINAL),
      line(F, "2026-02-11", K.k1.keyArn, "eu-west-1-KMS-Requests", "payments", "Usage", "", "REQUESTS", "0.06", "20000", "Requests", FEB_FINAL),
      line(F, "2026-02-11", K.k1.keyArn, "eu-west-1-KMS-Requests", "payments", "Usage", "Correction", "REQUESTS", "-0.06", "-20000", "Requests", FEB_FINAL),
      line(F, "2026-02-01", K.k2.keyArn, "eu-west-1-KMS-Keys", "search", "Usage", "", "KEYS", "1.00", "1", "Keys", FEB_FINAL),
      line(F, "2026-02-10", K.k2.keyArn, "eu-west-1-KMS-Requests", "search", "Usage", "", "REQUESTS", "0.03", "10000", "Requests", FEB_FINAL),
      line(F, "2026-02-01", K.k3.keyArn, "eu-west-1-KMS-Keys", "", "Usage", "", "KEYS", "1.50", "1.5", "Keys", FEB_FINAL),
      line(F, "2026-02-01", "", "eu-west-1-KMS-Keys", "payments", "Credit", "", "KEYS", "-0.50", "0", "", FEB_FINAL),
      line(F, "2026-02-01", "", "", "", "Tax", "", "OTHER", "0.44", "0", "", FEB_FINAL),
      line("2026-03-01", "2026-03-01", K.k1.keyArn, "eu-west-1-KMS-Keys", "payments", "Usage", "", "KEYS", "2.00", "2", "Keys", MAR),
      line("2026-03-01", "2026-03-02", K.k1.keyArn, "eu-west-1-KMS-Requests", "payments", "Usage", "", "REQUESTS", "0.09", "30000", "Requests", MAR),
    ].join(",\n    ")}`);
  await db.$executeRawUnsafe(`INSERT INTO kms_cost_daily (day, account_id, business_unit, cost_center, usage_type, region, category, unblended_cost, usage_quantity) VALUES
    ('2026-01-01', '${ACCOUNT}', 'payments', '', 'eu-west-1-KMS-Keys', 'eu-west-1', 'KEYS', 2.00, 2),
    ('2026-01-01', '${ACCOUNT}', 'search', '', 'eu-west-1-KMS-Keys', 'eu-west-1', 'KEYS', 1.00, 1),
    ('2026-01-15', '${ACCOUNT}', 'search', '', 'eu-west-1-KMS-Requests', 'eu-west-1', 'REQUESTS', 0.03, 10000),
    ('2026-02-01', '${ACCOUNT}', 'payments', '', 'eu-west-1-KMS-Keys', 'eu-west-1', 'KEYS', 2.00, 2),
    ('2026-02-10', '${ACCOUNT}', 'payments', '', 'eu-west-1-KMS-Requests', 'eu-west-1', 'REQUESTS', 0.33, 110000),
    ('2026-02-01', '${ACCOUNT}', 'search', '', 'eu-west-1-KMS-Keys', 'eu-west-1', 'KEYS', 1.00, 1),
    ('2026-02-10', '${ACCOUNT}', 'search', '', 'eu-west-1-KMS-Requests', 'eu-west-1', 'REQUESTS', 0.03, 10000),
    ('2026-02-01', '${ACCOUNT}', '', '', 'eu-west-1-KMS-Keys', 'eu-west-1', 'KEYS', 1.00, 1),
    ('2026-02-01', '${ACCOUNT}', 'retail', '', 'eu-west-1-KMS-Keys', 'eu-west-1', 'KEYS', 0.50, 0.5)`);
  // What the importer does after a successful import: the monthly rollup follows the new source,
  // and the Bucket Key savings are priced with the bill's request volumes.
  await recomputeAllCostMonths(db);
  await recomputeBucketKeySavings(db);
});
afterAll(async () => {
  await closeQueueClient();
  await appDb().$disconnect();
  await db.$disconnect();
});

const pick = (r: Json, ...fields: string[]) => fields.map((f) => r[f]);
const FIGURES = ["period", "businessUnit", "keys", "requests", "total", "credits", "tax", "corrections", "net", "costSource", "billStatus"];
const Q1 = "from=2026-01-01&to=2026-03-31";

describe("cost by BU, each month from its source", () => {
  const expected = [
    ["2026-01-01", "payments", 2, 0, 2, 0, 0, 0, 2, "CostExplorer", null],
    ["2026-01-01", "search", 1, 0.03, 1.03, 0, 0, 0, 1.03, "CostExplorer", null],
    ["2026-02-01", "(untagged)", 1.5, 0, 1.5, 0, 0.44, 0, 1.94, "Bill", "final"],
    ["2026-02-01", "payments", 2, 0.36, 2.36, -0.5, 0, -0.06, 1.8, "Bill", "final"],
    ["2026-02-01", "search", 1, 0.03, 1.03, 0, 0, 0, 1.03, "Bill", "final"],
    ["2026-03-01", "payments", 2, 0.09, 2.09, 0, 0, 0, 2.09, "Bill", "provisional"],
  ];

  it("reads the monthly rollup: usage apart from credits, tax and corrections, and the source per month", async () => {
    const { status, body } = await call(costsByBu, `/api/costs/by-bu?granularity=month&${Q1}`);
    expect(status).toBe(200);
    expect(body.source).toBe("cost_bu_monthly");
    expect(body.rows.map((r: Json) => pick(r, ...FIGURES))).toEqual(expected);
    expect(body.sources).toEqual([
      { month: "2026-01-01", source: "CostExplorer", billStatus: null, label: "Cost Explorer" },
      { month: "2026-02-01", source: "Bill", billStatus: "final", label: "bill (final)" },
      { month: "2026-03-01", source: "Bill", billStatus: "provisional", label: "bill (provisional)" },
    ]);
  });

  it("gives the same figures from the daily rows (account cut) as from the rollup", async () => {
    const { body } = await call(costsByBu, `/api/costs/by-bu?granularity=month&${Q1}&account=${ACCOUNT}`);
    expect(body.source).toBe("kms_cost");
    expect(body.rows.map((r: Json) => pick(r, ...FIGURES))).toEqual(expected);
  });

  it("uses Cost Explorer only when the setting says so, and the bill again when set back", async () => {
    const bad = await call(putSettings, "/api/settings", { method: "PUT", body: { costSource: "bill" } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("costSource");
    const set = await call(putSettings, "/api/settings", { method: "PUT", body: { costSource: "costExplorer" } });
    expect(set.status).toBe(200);
    await runSettingsRecompute(db);
    const { body } = await call(costsByBu, `/api/costs/by-bu?granularity=month&from=2026-02-01&to=2026-03-31`);
    expect(body.rows.map((r: Json) => pick(r, "businessUnit", "total", "net", "costSource"))).toEqual([
      ["(untagged)", 1, 1, "CostExplorer"],
      ["payments", 2.33, 2.33, "CostExplorer"],
      ["retail", 0.5, 0.5, "CostExplorer"],
      ["search", 1.03, 1.03, "CostExplorer"],
    ]);
    expect((await call(keys, "/api/keys")).body.billMonth).toBeNull();
    await call(putSettings, "/api/settings", { method: "PUT", body: { costSource: "auto" } });
    await runSettingsRecompute(db);
    const back = await call(costsByBu, `/api/costs/by-bu?granularity=month&from=2026-02-01&to=2026-02-28`);
    expect(back.body.rows.map((r: Json) => pick(r, "businessUnit", "net", "costSource"))).toEqual([["(untagged)", 1.94, "Bill"], ["payments", 1.8, "Bill"], ["search", 1.03, "Bill"]]);
  });
});

describe("reconciliation bill vs Cost Explorer", () => {
  it("compares usage per month and BU, marks the months only one source holds", async () => {
    const { status, body } = await call(reconciliation, "/api/costs/reconciliation?from=2026-01&to=2026-03");
    expect(status).toBe(200);
    expect(body.months).toEqual([
      { month: "2026-01-01", status: "costExplorerOnly", billStatus: null, bill: null, costExplorer: 3.03, difference: null, differencePct: null },
      // 4.89 - 4.86 = 0.03, 0.03 / 4.86 = 0.6 %
      { month: "2026-02-01", status: "both", billStatus: "final", bill: 4.89, costExplorer: 4.86, difference: 0.03, differencePct: 0.6 },
      { month: "2026-03-01", status: "billOnly", billStatus: "provisional", bill: 2.09, costExplorer: null, difference: null, differencePct: null },
    ]);
    expect(body.rows.map((r: Json) => pick(r, "month", "businessUnit", "status", "bill", "costExplorer", "difference", "differencePct", "billOtherCharges"))).toEqual([
      ["2026-01-01", "payments", "costExplorerOnly", null, 2, null, null, null],
      ["2026-01-01", "search", "costExplorerOnly", null, 1.03, null, null, null],
      ["2026-02-01", "(untagged)", "both", 1.5, 1, 0.5, 50, 0.44],
      ["2026-02-01", "payments", "both", 2.36, 2.33, 0.03, 1.3, -0.56], // 0.03 / 2.33 = 1.29 %
      ["2026-02-01", "retail", "both", 0, 0.5, -0.5, -100, 0],
      ["2026-02-01", "search", "both", 1.03, 1.03, 0, 0, 0],
      ["2026-03-01", "payments", "billOnly", 2.09, null, null, null, 0],
    ]);
  });

  it("shows a viewer its own BUs only", async () => {
    const viewer: Principal = { kind: "token", id: "v", name: "payments viewer", role: "viewer", businessUnits: ["payments"] };
    const { status, body } = await call(reconciliation, "/api/costs/reconciliation?from=2026-01&to=2026-03", { principal: viewer });
    expect(status).toBe(200);
    expect([...new Set(body.rows.map((r: Json) => r.businessUnit))]).toEqual(["payments"]);
    expect(body.months.map((m: Json) => [m.month, m.bill, m.costExplorer])).toEqual([["2026-01-01", null, 2], ["2026-02-01", 2.36, 2.33], ["2026-03-01", 2.09, null]]);
  });

  it("answers 400 naming a bad month", async () => {
    const { status, body } = await call(reconciliation, "/api/costs/reconciliation?from=2026-13");
    expect(status).toBe(400);
    expect(body.error.message).toContain("from");
  });
});

describe("chargeback from the bill", () => {
  it("JSON: per BU, credits, tax and corrections in their columns and in BilledCost, x_CostSource per month", async () => {
    const { body } = await call(chargebackJson, "/api/costs/chargeback?from=2026-01&to=2026-02");
    expect(body.rows.map((r: Json) => pick(r, "BillingPeriodStart", "x_BusinessUnit", "x_KeysCost", "x_RequestsCost", "x_CreditsCost", "x_TaxCost", "x_CorrectionsCost", "BilledCost", "x_CostSource"))).toEqual([
      ["2026-01-01", "payments", 2, 0, 0, 0, 0, 2, "CostExplorer"],
      ["2026-01-01", "search", 1, 0.03, 0, 0, 0, 1.03, "CostExplorer"],
      ["2026-02-01", "(untagged)", 1.5, 0, 0, 0.44, 0, 1.94, "Bill"],
      ["2026-02-01", "payments", 2, 0.36, -0.5, 0, -0.06, 1.8, "Bill"],
      ["2026-02-01", "search", 1, 0.03, 0, 0, 0, 1.03, "Bill"],
    ]);
    expect(body.total).toBe(7.8); // 3.03 + 4.77
  });

  it("JSON, proportional: February's untagged net 1.94 shared by tagged usage 2.36 : 1.03", async () => {
    const { body } = await call(chargebackJson, "/api/costs/chargeback?from=2026-02&to=2026-02&allocation=proportional");
    // 1.94 × 2.36 / 3.39 = 1.35056047197…, 1.94 × 1.03 / 3.39 = 0.58943952802…: the one unit left goes to the larger remainder.
    expect(body.rows.map((r: Json) => pick(r, "x_BusinessUnit", "x_DirectCost", "x_ReallocatedCost", "BilledCost"))).toEqual([
      ["payments", 1.8, 1.350560472, 3.150560472],
      ["search", 1.03, 0.589439528, 1.619439528],
    ]);
    expect(body.total).toBe(4.77);
  });

  it("CSV: one row per bill line in bill months, x_CostSource per month, FOCUS ChargeCategory and ChargeClass kept", async () => {
    const res = await runWithPrincipal(TEST_ADMIN, () => exportChargeback(new NextRequest(new URL("/api/export/chargeback?from=2026-01&to=2026-03", "http://x"))));
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const byMonth = (m: string) => rows.filter((r) => r.BillingPeriodStart!.startsWith(m));
    expect([byMonth("2026-01").length, byMonth("2026-02").length, byMonth("2026-03").length]).toEqual([3, 9, 2]);
    expect(new Set(byMonth("2026-01").map((r) => r.x_CostSource))).toEqual(new Set(["CostExplorer"]));
    expect(new Set([...byMonth("2026-02"), ...byMonth("2026-03")].map((r) => r.x_CostSource))).toEqual(new Set(["Bill"]));
    const sum = (list: Record<string, string>[]) => list.reduce((a, r) => a + toMoneyUnits(r.BilledCost!), 0n);
    expect(sum(byMonth("2026-02"))).toBe(toMoneyUnits("4.77"));
    expect(sum(byMonth("2026-03"))).toBe(toMoneyUnits("2.09"));
    expect(byMonth("2026-02").filter((r) => r.ChargeCategory !== "Usage").map((r) => [r.ChargeCategory, r.x_BusinessUnit, r.BilledCost]).sort()).toEqual([
      ["Credit", "payments", "-0.5"],
      ["Tax", "(untagged)", "0.44"],
    ]);
    const correction = byMonth("2026-02").filter((r) => r.ChargeClass === "Correction");
    expect(correction.map((r) => [r.ResourceId, r.BilledCost, r.ConsumedQuantity])).toEqual([[K.k1.keyArn, "-0.06", "-20000.000000"]]);
  });
});

describe("per-key figures from the bill", () => {
  it("key list: billed usage of the latest final bill month per key", async () => {
    const { body } = await call(keys, "/api/keys?sort=alias");
    expect(body.billMonth).toEqual({ month: "2026-02-01", billStatus: "final", daysCovered: null });
    expect(body.items.map((k: Json) => [k.keyId, k.billedMonthlyCost])).toEqual([["k1", 2.36], ["k2", 1.03], ["k3", 1.5]]);
  });

  it("key detail: storage + rotation and requests by month, from the key's own lines", async () => {
    const { body } = await call(keyDetail, `/api/keys/${encodeURIComponent(K.k1.keyArn)}`, { params: { arn: encodeURIComponent(K.k1.keyArn) } });
    expect(body.cost.bill).toEqual([
      { month: "2026-02-01", billStatus: "final", storageAndRotation: 2, keyVersionMonths: 2, requests: 0.36, requestCount: 120000, other: 0, total: 2.36 },
      { month: "2026-03-01", billStatus: "provisional", storageAndRotation: 2, keyVersionMonths: 2, requests: 0.09, requestCount: 30000, other: 0, total: 2.09 },
    ]);
  });

  it("Bucket Key savings: the bill's request volume, exact for the key's only bucket, split for a shared key", async () => {
    const { body } = await call(bucketKeys, "/api/savings/bucket-keys?pageSize=10");
    const rows = body.items.map((r: Json) => [r.name, r.basis, r.monthlyRequests, r.requestSource, r.monthlySavings]);
    // k1: 120,000 requests in February (final) × $0.03/10,000 × 0.97 = 0.3492; k2: 10,000 / 2 buckets × ... = 0.01455 each.
    expect(rows).toEqual([
      ["b1", "exact", 120000, "bill", 0.3492],
      ["b2", "estimated-shared", 5000, "bill", 0.01455],
      ["b3", "estimated-shared", 5000, "bill", 0.01455],
    ]);
  });

  it("idle-key savings in billed dollars where the bill has the key", async () => {
    const { body } = await call(idleKeys, "/api/savings/idle-keys?pageSize=10");
    const k3 = body.items.find((r: Json) => r.keyArn === K.k3.keyArn);
    // Listed at $1 a key-month, billed $1.50 in February.
    expect([k3.codes, k3.basis, k3.monthlySavings]).toEqual([["DISABLED_BILLED"], "bill", 1.5]);
    expect(body.billMonth.month).toBe("2026-02-01");
  });
});
