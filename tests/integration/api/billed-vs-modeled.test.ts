// Billed vs modeled like for like (issue 13 items 9 and 11), on a hand-made month: March 2026
// (31 days, 744 hours), per-key Cost Explorer rows on 2026-03-20 and 2026-03-21 only (plus one on
// 2026-02-25), Cost Explorer rows with the usage types KMS really returns. Figures by hand below.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as modeled } from "@/app/api/costs/modeled/route";
import { GET as keyDetail } from "@/app/api/keys/[arn]/route";
import { GET as keys } from "@/app/api/keys/route";
import { applyPriceOverrides } from "@/lib/domain/prices";
import { classifyUsageType, regionFromUsageType } from "@/lib/domain/usage-type";
import { modeledMonthlyKeyCost } from "@/lib/kpi/modeled-cost";
import { POLICY_SETTINGS_KEY } from "@/lib/settings/load";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, cmk } from "../../fixtures/records";
import { resetTables, testDb } from "../support/db";
import { call, type Json } from "./call";

const db = testDb();
afterAll(() => db.$disconnect());

const search = { owner: "team-s", "cost-center": "cc-2", "business-unit": "search" };
const K = {
  // payments: $1 key-month + 1 rotation = $2/month; $1/month; pending deletion since the snapshot (03-01): $0.
  k1: cmk("k1", { rotationCount: 1 }),
  k2: cmk("k2", { rotationCount: 0 }),
  k4: cmk("k4", { keyState: "PendingDeletion", deletionDate: new Date("2026-03-20T00:00:00Z") }),
  // search: an ECC key (asymmetric: $0.15 per 10,000 requests, no rotation), and a key rotated 5 times (surcharge capped at 2).
  k3: cmk("k3", { keySpec: "ECC_NIST_P256", keyUsage: "SIGN_VERIFY", rotationEnabled: null, rotationPeriodDays: null, rotationCount: null, lastRotatedAt: null, tags: search }),
  k5: cmk("k5", { rotationCount: 5, tags: search }),
  // AWS managed: no storage charge, its requests are billed (untagged).
  aws1: cmk("aws1", { keyManager: "AWS", aliases: ["alias/aws/s3"], tags: {}, rotationCount: null }),
};

const perKey = (key: keyof typeof K, day: string, requests: bigint, cost: number) => ({ keyArn: K[key].keyArn, day: new Date(`${day}T00:00:00Z`), accountId: ACCOUNT, requests, cost });
const billed = (day: string, businessUnit: string, usageType: string, cost: number) => ({
  day: new Date(`${day}T00:00:00Z`), accountId: ACCOUNT, businessUnit, costCenter: "", usageType,
  region: regionFromUsageType(usageType), category: classifyUsageType(usageType), unblendedCost: cost, usageQuantity: 1,
});

beforeAll(async () => {
  await resetTables(db);
  await storeInventorySnapshot(db, { day: "2026-03-01", runId: null, snapshot: { accountId: ACCOUNT, region: REGION, keys: Object.values(K), keyUsage: [], resources: [], warnings: [] }, settings: defaultPolicySettings });
  await db.keyRequestDaily.createMany({
    data: [
      perKey("k1", "2026-02-25", 50_000n, 0.15),
      perKey("k1", "2026-03-20", 100_000n, 0.3),
      perKey("k1", "2026-03-21", 200_000n, 0.6),
      perKey("k3", "2026-03-21", 10_000n, 0.15),
      perKey("aws1", "2026-03-21", 20_000n, 0.06),
    ],
  });
  await db.kmsCostDaily.createMany({
    data: [
      billed("2026-03-01", "payments", "eu-west-1-KMS-Keys", 1.45),
      billed("2026-03-15", "payments", "eu-west-1-KMS-Keys", 1.45),
      billed("2026-03-05", "payments", "eu-west-1-KMS-Requests", 5), // a day without per-key rows
      billed("2026-03-20", "payments", "eu-west-1-KMS-Requests", 0.3),
      billed("2026-03-21", "payments", "eu-west-1-KMS-Requests", 0.66), // k2's requests are billed, but unknown per key
      billed("2026-03-31", "search", "us-east-1-KMS-Keys", 4),
      billed("2026-03-21", "search", "eu-west-1-KMS-Requests-Asymmetric", 0.15),
      billed("2026-03-22", "search", "eu-west-1-KMS-Requests-Asymmetric", 0.45), // a day without per-key rows
      billed("2026-03-21", "", "eu-west-1-KMS-Requests", 0.06),
    ],
  });
});

const close = (value: number | null, digits = 9) => (value === null ? null : Number(value.toFixed(digits)));
const figures = (side: Json) => side && [close(side.billed), close(side.modeled), close(side.variance.absolute), close(side.variance.percent, 6)];

describe("GET /api/costs/modeled compares like for like", () => {
  it("compares key storage over the month and requests over the covered days only", async () => {
    const { status, body } = await call(modeled, "/api/costs/modeled?month=2026-03");
    expect(status).toBe(200);
    expect(body.requestDays).toEqual({ covered: 2, period: 31, from: "2026-03-20", to: "2026-03-21" });
    const rows = Object.fromEntries(body.byBusinessUnit.map((r: Json) => [r.businessUnit, r]));
    expect(Object.keys(rows)).toEqual(["(untagged)", "payments", "search"]);
    // payments storage: billed 1.45 + 1.45 = 2.90; modeled k1 $2 + k2 $1 + k4 $0 = $3; +0.10 = +3.448276 %.
    expect(figures(rows.payments.keyStorage)).toEqual([2.9, 3, 0.1, 3.448276]);
    // payments requests on 03-20 and 03-21: billed 0.30 + 0.66 = 0.96; modeled k1 300,000 × $0.03/10k = 0.90; −0.06 = −6.25 %.
    // The $5 billed on 03-05 has no per-key counterpart: in billedTotal, not in the comparison.
    expect(figures(rows.payments.requests)).toEqual([0.96, 0.9, -0.06, -6.25]);
    expect(close(rows.payments.billedTotal)).toBe(8.86);
    expect(rows.payments.keysWithoutRequestData).toBe(2); // k2, k4
    // search storage: k3 $1 + k5 $1 + 2 × $1 (rotations capped at 2) = $4 = billed. Requests: 10,000 × $0.15/10k = 0.15 on 03-21.
    expect(figures(rows.search.keyStorage)).toEqual([4, 4, 0, 0]);
    expect(figures(rows.search.requests)).toEqual([0.15, 0.15, 0, 0]);
    expect(close(rows.search.billedTotal)).toBe(4.6);
    expect(figures(rows["(untagged)"].requests)).toEqual([0.06, 0.06, 0, 0]);
    expect(figures(rows["(untagged)"].keyStorage)).toEqual([0, 0, 0, 0]);
    // Per key, requests and their billed cost come from the same days.
    const k1 = body.keys.find((k: Json) => k.keyArn === K.k1.keyArn);
    expect([k1.requests, close(k1.requestCost), close(k1.billedRequestCost), close(k1.keyCost), close(k1.rotationCost)]).toEqual([300_000, 0.9, 0.9, 1, 1]);
  });

  it("compares no requests when no day of the month has per-key rows", async () => {
    const { body } = await call(modeled, "/api/costs/modeled?month=2026-03&bu=payments");
    expect(body.byBusinessUnit).toHaveLength(1);
    await db.keyRequestDaily.deleteMany({ where: { day: { gte: new Date("2026-03-01T00:00:00Z") } } });
    try {
      const without = await call(modeled, "/api/costs/modeled?month=2026-03&bu=payments");
      expect(without.body.requestDays).toEqual({ covered: 0, period: 31, from: null, to: null });
      expect(without.body.byBusinessUnit[0].requests).toBeNull();
      expect(figures(without.body.byBusinessUnit[0].keyStorage)).toEqual([2.9, 3, 0.1, 3.448276]);
    } finally {
      await db.keyRequestDaily.createMany({
        data: [perKey("k1", "2026-03-20", 100_000n, 0.3), perKey("k1", "2026-03-21", 200_000n, 0.6), perKey("k3", "2026-03-21", 10_000n, 0.15), perKey("aws1", "2026-03-21", 20_000n, 0.06)],
      });
    }
  });
});

describe("the key list and the key page say what a key's cost is", () => {
  it("lists the modeled key-month + rotation cost per month and sorts by it", async () => {
    const { body } = await call(keys, "/api/keys?sort=-modeled");
    // Ties (k2, k3 at $1; aws1, k4 at $0) in ARN order.
    expect(body.items.map((k: Json) => [k.keyId, k.modeledMonthlyCost])).toEqual([["k5", 3], ["k1", 2], ["k2", 1], ["k3", 1], ["aws1", 0], ["k4", 0]]);
    // Request cost over the window 2026-02-20..2026-03-21: k1 0.15 + 0.30 + 0.60.
    expect(body.costWindow).toEqual({ from: "2026-02-20", to: "2026-03-21", daysWithData: 3, covers: "requests" });
    expect(close(body.items.find((k: Json) => k.keyId === "k1").cost30d)).toBe(1.05);
  });

  it("uses the price overrides, the same figures as the cost model", async () => {
    const prices = { keyMonth: 1.5, rotationSurchargePerRotation: 0.25 };
    await db.policySetting.create({ data: { key: POLICY_SETTINGS_KEY, value: { ...defaultPolicySettings, priceOverrides: prices } } });
    try {
      const { body } = await call(keys, "/api/keys?sort=-modeled");
      // k5: 1.5 + 2 × 0.25; k1: 1.5 + 0.25; k2, k3: 1.5.
      expect(body.items.map((k: Json) => [k.keyId, k.modeledMonthlyCost])).toEqual([["k5", 2], ["k1", 1.75], ["k2", 1.5], ["k3", 1.5], ["aws1", 0], ["k4", 0]]);
      const model = applyPriceOverrides(prices);
      for (const key of Object.values(K)) {
        expect(body.items.find((k: Json) => k.keyArn === key.keyArn).modeledMonthlyCost).toBe(modeledMonthlyKeyCost(key, model).total);
      }
    } finally {
      await db.policySetting.deleteMany({});
    }
  });

  it("shows on the key page the billed request cost and the model over the same days", async () => {
    const { body } = await call(keyDetail, `/api/keys/${encodeURIComponent(K.k1.keyArn)}`, { params: { arn: encodeURIComponent(K.k1.keyArn) } });
    const cost = body.cost;
    expect(cost.window).toEqual({ from: "2026-02-20", to: "2026-03-21", daysWithData: 3, covers: "requests" });
    expect([cost.requests, close(cost.billedRequestCost)]).toEqual([350_000, 1.05]);
    // Key-months over the 3 covered days: 24 h of February's 672 + 48 h of March's 744 = 0.100230415;
    // the same again for the one rotation; requests 350,000 × $0.03/10k = 1.05.
    expect([close(cost.modeled.keyMonths), close(cost.modeled.keyCost), close(cost.modeled.rotationCost), close(cost.modeled.requestCost), close(cost.modeled.total)])
      .toEqual([0.100230415, 0.100230415, 0.100230415, 1.05, 1.250460829]);
    expect(cost.modeledMonthly).toEqual({ keyCost: 1, rotationCost: 1, total: 2 });
  });

  it("models storage only for a key without per-key rows: its request cost is unknown, not zero", async () => {
    const { body } = await call(keyDetail, `/api/keys/${encodeURIComponent(K.k2.keyArn)}`, { params: { arn: encodeURIComponent(K.k2.keyArn) } });
    expect([body.cost.requests, body.cost.billedRequestCost, body.cost.modeled.requestCost]).toEqual([null, null, null]);
    expect(close(body.cost.modeled.total)).toBe(close(24 / 672 + 48 / 744));
    expect(body.cost.modeledMonthly).toEqual({ keyCost: 1, rotationCost: 0, total: 1 });
  });
});
