// GET /api/keys: the env filter and each key's cost over the last 30 days of per-key cost data
// (window 2026-03-02..2026-03-31, ending on the latest key_request_daily day; sums by hand).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as keys } from "@/app/api/keys/route";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, cmk } from "../../fixtures/records";
import { resetTables, testDb } from "../support/db";
import { call, type Json } from "./call";

const db = testDb();
afterAll(() => db.$disconnect());

const tags = (env?: string) => ({ owner: "team-a", "cost-center": "cc-1", "business-unit": "payments", ...(env ? { env } : {}) });
const K = { k1: cmk("k1", { tags: tags("prod") }), k2: cmk("k2", { tags: tags("dev") }), k3: cmk("k3", { tags: tags() }), k4: cmk("k4", { tags: tags("prod") }) };
const usage = (key: keyof typeof K, day: string, cost: number) => ({ keyArn: K[key].keyArn, day: new Date(`${day}T00:00:00Z`), accountId: ACCOUNT, requests: 100n, cost });

beforeAll(async () => {
  await resetTables(db);
  await storeInventorySnapshot(db, { day: "2026-03-31", runId: null, snapshot: { accountId: ACCOUNT, region: REGION, keys: Object.values(K), keyUsage: [], resources: [], warnings: [] }, settings: defaultPolicySettings });
  await db.keyRequestDaily.createMany({
    data: [
      usage("k1", "2026-03-31", 0.1),
      usage("k1", "2026-03-02", 0.05),
      usage("k1", "2026-03-01", 9), // one day before the window
      usage("k2", "2026-03-10", 0), // a row of zero cost: a real $0, not "no data"
      usage("k4", "2026-02-20", 1), // only outside the window: no data
    ],
  });
});

const costs = (items: Json[]) => items.map((k) => [k.keyId, k.cost30d === null ? null : Number(k.cost30d.toFixed(6))]);

describe("GET /api/keys cost and env", () => {
  it("sums each key's cost over the window, null for a key without rows in it", async () => {
    const { body } = await call(keys, "/api/keys?sort=-cost");
    // Per-key rows exist on 03-02, 03-10 and 03-31 of the window: 3 days of request cost.
    expect(body.costWindow).toEqual({ from: "2026-03-02", to: "2026-03-31", daysWithData: 3, covers: "requests" });
    expect(costs(body.items)).toEqual([["k1", 0.15], ["k2", 0], ["k3", null], ["k4", null]]);
  });

  it("filters by environment", async () => {
    const prod = await call(keys, "/api/keys?env=prod");
    expect(prod.body.items.map((k: Json) => [k.keyId, k.environment])).toEqual([["k1", "prod"], ["k4", "prod"]]);
    const both = await call(keys, "/api/keys?env=dev,prod&sort=cost");
    expect(costs(both.body.items)).toEqual([["k2", 0], ["k1", 0.15], ["k4", null]]);
  });

  it("refuses an empty environment value", async () => {
    const { status, body } = await call(keys, "/api/keys?env=prod,");
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^env\.1: must not contain empty values/);
  });

  it("has no cost window and only null costs without per-key data", async () => {
    await db.keyRequestDaily.deleteMany({});
    const { body } = await call(keys, "/api/keys");
    expect(body.costWindow).toBeNull();
    expect(body.items.every((k: Json) => k.cost30d === null)).toBe(true);
    expect(body.items).toHaveLength(4);
  });
});
