// "Data as of" per source on a hand-made state like the one issue 19 found: the inventory fetched
// up to Dec 5, a Cost Explorer fetch that succeeded on Dec 4 but holds cost only up to Nov 20, and
// per-key request data on 2 days of which one twice (2 distinct days). Then resource-level data
// recorded as unavailable: "no data" with its reason, never "available (0 days)".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as freshness } from "@/app/api/freshness/route";
import { dayToDate } from "@/lib/domain/days";
import { dataAsOf } from "@/lib/queries/freshness";
import { markFresh, ORGANIZATION_SCOPE } from "@/lib/store/freshness";
import { resetTables, testDb } from "../support/db";
import { call } from "./call";

const db = testDb();
const A = "111111111111";
afterAll(() => db.$disconnect());

beforeAll(async () => {
  await resetTables(db);
  await markFresh(db, { source: "inventory", day: "2026-12-05", runId: null, scopes: [{ accountId: A, region: "us-east-1" }] });
  await markFresh(db, { source: "inventory", day: "2026-12-03", runId: null, scopes: [{ accountId: A, region: "eu-west-1" }] });
  await markFresh(db, { source: "costs", day: "2026-12-04", runId: null, scopes: [ORGANIZATION_SCOPE] });
  const cost = (day: string, unblendedCost: number) => ({ day: dayToDate(day), accountId: A, businessUnit: "", costCenter: "", usageType: "us-east-1-KMS-Keys", region: "us-east-1", category: "KEYS" as const, unblendedCost, usageQuantity: 1 });
  await db.kmsCostDaily.createMany({ data: [cost("2026-10-01", 1), cost("2026-11-20", 2)] });
  const requests = (keyArn: string, day: string) => ({ keyArn, day: dayToDate(day), accountId: A, requests: 10n, cost: 0.00003 });
  await db.keyRequestDaily.createMany({ data: [requests("k1", "2026-11-18"), requests("k2", "2026-11-18"), requests("k1", "2026-11-19")] });
});

describe("data as of per source", () => {
  it("gives each source its own last day, and each scope the data its fetch brought", async () => {
    const { body } = await call(freshness, "/api/freshness");
    expect(body.sources).toEqual([
      { source: "inventory", label: "Inventory", from: "2026-12-05", through: "2026-12-05", days: null, note: null },
      { source: "costs", label: "Costs", from: "2026-10-01", through: "2026-11-20", days: null, note: null },
      { source: "keyRequests", label: "Per-key request data", from: "2026-11-18", through: "2026-11-19", days: 2, note: null },
    ]);
    // The cost fetch of Dec 4 is not "current": its data ends Nov 20.
    const shape = body.scopes.map((s: { region: string; source: string; lastGoodDay: string; dataThrough: string | null; status: string }) => [s.source, s.region, s.lastGoodDay, s.dataThrough, s.status]);
    expect(shape).toEqual([
      ["costs", "global", "2026-12-04", "2026-11-20", "data behind"],
      ["inventory", "eu-west-1", "2026-12-03", "2026-12-03", "lagging"],
      ["inventory", "us-east-1", "2026-12-05", "2026-12-05", "current"],
    ]);
    // The heading: the inventory's day (not the newest of all sources), one scope lagging.
    const heading = await dataAsOf(db);
    expect(heading).toMatchObject({ asOf: dayToDate("2026-12-05"), oldestScope: dayToDate("2026-12-03"), laggingScopes: 1, scopes: 3 });
  });

  it("says no data, with the reason, when per-key data is recorded as unavailable", async () => {
    await db.dataSourceStatus.create({ data: { source: "ce-resources", available: false, message: "resource-level data is not enabled" } });
    const { body } = await call(freshness, "/api/freshness");
    expect(body.sources[2]).toEqual({ source: "keyRequests", label: "Per-key request data", from: null, through: null, days: 0, note: "resource-level data is not enabled" });
  });
});
