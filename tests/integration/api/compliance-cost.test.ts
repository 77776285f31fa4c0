// The what-if cost of compliance (GET /api/savings/compliance-cost) over a small hand-made
// organization. Figures computed by hand, at list prices ($1 key-month, +$1 per rotation, capped
// after 2: a new key costs $1 a month in its first year, $3 once capped):
//   payments (prod): pay-a AWS_MANAGED_KEY app checkout, pay-b AWS_MANAGED_KEY app ledger,
//     pay-c SSE_S3 app checkout → 1 key per BU × env ($1 / $3), 2 per application ($2 / $6);
//     request cost null (pay-c starts calling KMS). pay-ok (CMK, compliant) and pay-gone (ended
//     version) do not count.
//   search: s1 prod/index AWS_MANAGED_KEY, s2 dev/index AWS_MANAGED_KEY, s3 dev/(no app)
//     KEY_UNUSABLE, s4 dev/(no app) UNKNOWN_KEY, s5 prod/(no app) UNKNOWN_KEY
//     → per BU × env {prod, dev} = 2 keys ($2 / $6); per application {index, dev without app,
//     prod without app} = 3 keys ($3 / $9); request cost unchanged (all already on KMS).
//   (untagged), another account: u1 prod UNENCRYPTED → 1 key each way ($1 / $3), request cost null.
//   organization: 9 resources, 2 new to KMS, 4 keys per BU × env ($4 / $12), 6 per application ($6 / $18).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as complianceCost } from "@/app/api/savings/compliance-cost/route";
import type { Principal } from "@/lib/auth/principal";
import { resetTables, testDb } from "../support/db";
import { call, type Json } from "./call";

const db = testDb();
const ACCOUNT = "111122223333";
const OTHER_ACCOUNT = "444455556666";
const day = (d: string) => new Date(`${d}T00:00:00Z`);

type Class = "NONE" | "SSE_S3" | "AWS_MANAGED_KMS" | "CUSTOMER_KMS" | "UNKNOWN";
type Reason = "UNENCRYPTED" | "SSE_S3" | "AWS_MANAGED_KEY" | "KEY_UNUSABLE" | "UNKNOWN_KEY";

function resource(name: string, bu: string, environment: string, application: string, encryptionClass: Class, reason: Reason | null, extra: { accountId?: string; validTo?: Date; keyState?: string } = {}) {
  return {
    resourceArn: `arn:aws:s3:::${name}`, accountId: extra.accountId ?? ACCOUNT, region: "eu-west-1", service: "S3" as const, name, validFrom: day("2026-10-01"),
    ...(extra.validTo ? { validTo: extra.validTo } : {}), contentHash: name, encryptionClass, keyState: extra.keyState ?? null,
    businessUnit: bu, environment, application, requiresCmk: true, nonCompliantReason: reason, nonCompliantSince: reason ? day("2026-10-01") : null,
  };
}

beforeAll(async () => {
  await resetTables(db);
  await db.storageResourceVersion.createMany({
    data: [
      resource("pay-a", "payments", "prod", "checkout", "AWS_MANAGED_KMS", "AWS_MANAGED_KEY"),
      resource("pay-b", "payments", "prod", "ledger", "AWS_MANAGED_KMS", "AWS_MANAGED_KEY"),
      resource("pay-c", "payments", "prod", "checkout", "SSE_S3", "SSE_S3"),
      resource("pay-ok", "payments", "prod", "refunds", "CUSTOMER_KMS", null),
      resource("pay-gone", "payments", "staging", "refunds", "NONE", "UNENCRYPTED", { validTo: day("2026-11-01") }),
      resource("s1", "search", "prod", "index", "AWS_MANAGED_KMS", "AWS_MANAGED_KEY"),
      resource("s2", "search", "dev", "index", "AWS_MANAGED_KMS", "AWS_MANAGED_KEY"),
      resource("s3", "search", "dev", "", "CUSTOMER_KMS", "KEY_UNUSABLE", { keyState: "Disabled" }),
      resource("s4", "search", "dev", "", "UNKNOWN", "UNKNOWN_KEY"),
      resource("s5", "search", "prod", "", "UNKNOWN", "UNKNOWN_KEY"),
      resource("u1", "", "prod", "", "NONE", "UNENCRYPTED", { accountId: OTHER_ACCOUNT }),
    ],
  });
});
afterAll(() => db.$disconnect());

const get = async (path: string, principal?: Principal) => {
  const response = await call(complianceCost, path, principal ? { principal } : {});
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
};
const byBu = (body: Json) => Object.fromEntries(body.businessUnits.map((r: Json) => [r.businessUnit, r]));

describe("GET /api/savings/compliance-cost", () => {
  it("prices new keys per BU × environment and per application, per BU and for the organization", async () => {
    const body = await get("/api/savings/compliance-cost");
    expect(body.perKeyMonth).toEqual({ firstYear: 1, capped: 3, cappedAfterRotations: 2 });
    const rows = byBu(body);
    expect(Object.keys(rows)).toEqual(["(untagged)", "payments", "search"]);
    expect(rows.payments).toEqual({
      businessUnit: "payments", resources: 3, resourcesNewToKms: 1, keysPerBuEnv: 1, keysPerApplication: 2,
      monthlyPerBuEnv: 1, monthlyPerBuEnvCapped: 3, monthlyPerApplication: 2, monthlyPerApplicationCapped: 6, requestCost: null,
    });
    expect(rows.search).toEqual({
      businessUnit: "search", resources: 5, resourcesNewToKms: 0, keysPerBuEnv: 2, keysPerApplication: 3,
      monthlyPerBuEnv: 2, monthlyPerBuEnvCapped: 6, monthlyPerApplication: 3, monthlyPerApplicationCapped: 9, requestCost: "unchanged",
    });
    expect(rows["(untagged)"]).toMatchObject({ resources: 1, keysPerBuEnv: 1, keysPerApplication: 1, monthlyPerBuEnv: 1, requestCost: null });
    expect(body.total).toEqual({
      resources: 9, resourcesNewToKms: 2, keysPerBuEnv: 4, keysPerApplication: 6,
      monthlyPerBuEnv: 4, monthlyPerBuEnvCapped: 12, monthlyPerApplication: 6, monthlyPerApplicationCapped: 18, requestCost: null,
    });
  });

  it("filters by business unit, account and environment", async () => {
    const payments = await get("/api/savings/compliance-cost?bu=payments");
    expect(payments.businessUnits.map((r: Json) => r.businessUnit)).toEqual(["payments"]);
    expect(payments.total).toMatchObject({ keysPerBuEnv: 1, keysPerApplication: 2, monthlyPerBuEnv: 1, requestCost: null });
    const other = await get(`/api/savings/compliance-cost?account=${OTHER_ACCOUNT}`);
    expect(other.businessUnits.map((r: Json) => r.businessUnit)).toEqual(["(untagged)"]);
    // dev: s2 (index), s3 and s4 (no application) → 1 key per BU × env, 2 per application.
    const dev = await get("/api/savings/compliance-cost?env=dev");
    expect(dev.total).toMatchObject({ resources: 3, keysPerBuEnv: 1, keysPerApplication: 2, monthlyPerApplication: 2, requestCost: "unchanged" });
  });

  it("shows a viewer scoped to one BU only theirs", async () => {
    const viewer: Principal = { kind: "session", id: "v", name: "v", role: "viewer", businessUnits: ["search"] };
    const mine = await get("/api/savings/compliance-cost", viewer);
    expect(mine.businessUnits.map((r: Json) => r.businessUnit)).toEqual(["search"]);
    expect(mine.total).toMatchObject({ resources: 5, keysPerBuEnv: 2, keysPerApplication: 3, monthlyPerBuEnv: 2, requestCost: "unchanged" });
    const denied = await call(complianceCost, "/api/savings/compliance-cost?bu=payments", { principal: viewer });
    expect(denied.status).toBe(404);
  });

  it("uses the price overrides: $1.50 a key-month, $0.50 a rotation", async () => {
    await db.policySetting.create({ data: { key: "policy", value: { priceOverrides: { keyMonth: 1.5, rotationSurchargePerRotation: 0.5 } } } });
    try {
      const body = await get("/api/savings/compliance-cost");
      // first year 1.50; capped 1.50 + 2 × 0.50 = 2.50
      expect(body.perKeyMonth).toEqual({ firstYear: 1.5, capped: 2.5, cappedAfterRotations: 2 });
      expect(body.total).toMatchObject({ monthlyPerBuEnv: 6, monthlyPerBuEnvCapped: 10, monthlyPerApplication: 9, monthlyPerApplicationCapped: 15 });
    } finally {
      await db.policySetting.deleteMany({});
    }
  });

  it("refuses an unknown parameter with a 400 naming it", async () => {
    const response = await call(complianceCost, "/api/savings/compliance-cost?region=eu-west-1");
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain("region");
  });
});
