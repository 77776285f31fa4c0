// Runs, "data as of", and a key-findings setting change on a small hand-made inventory.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as findingsApi } from "@/app/api/findings/route";
import { GET as freshness } from "@/app/api/freshness/route";
import { dataAsOf } from "@/lib/queries/freshness";
import { GET as runs } from "@/app/api/runs/route";
import { PUT as putSettings } from "@/app/api/settings/route";
import { closeQueueClient } from "@/lib/ingestion/queue-client";
import { recomputeRollups } from "@/lib/rollups";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { createRun, finishUnit, settleRun } from "@/lib/store/ingestion-runs";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, cmk } from "../../fixtures/records";
import { resetTables, testDb } from "../support/db";
import { runSettingsRecompute } from "../support/settings-recompute";
import { call, type Json } from "./call";

const db = testDb();
afterAll(async () => {
  await closeQueueClient();
  await db.$disconnect();
});
beforeAll(async () => {
  await resetTables(db);
  const run = await createRun(db, {
    trigger: "CLI",
    snapshotDay: "2026-03-02",
    scope: {},
    units: [
      { accountId: ACCOUNT, region: REGION, kind: "inventory" },
      { accountId: ACCOUNT, region: "us-east-1", kind: "inventory" },
    ],
  });
  await finishUnit(db, run.units[0]!.unitId, { status: "SUCCEEDED", apiRequests: { "kms:ListKeys": 3, "kms:DescribeKey": 5 } });
  await finishUnit(db, run.units[1]!.unitId, { status: "FAILED", error: "AccessDenied" });
  await settleRun(db, run.runId);
  const keys = [cmk("k1"), cmk("k2", { aliases: ["alias/Prod_Payments"] })];
  for (const day of ["2026-03-01", "2026-03-02"]) {
    await storeInventorySnapshot(db, { day, runId: run.runId, snapshot: { accountId: ACCOUNT, region: REGION, keys, keyUsage: [], resources: [], warnings: [] }, settings: defaultPolicySettings });
  }
  await recomputeRollups(db, "2026-03-01", "2026-03-02");
});

describe("runs and freshness", () => {
  it("lists runs with unit outcomes and billed request counts", async () => {
    const { body } = await call(runs, "/api/runs");
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ status: "PARTIAL", snapshotDay: "2026-03-02", units: { SUCCEEDED: 1, FAILED: 1 }, requests: { kms: 8, costExplorer: 0, other: 0 } });
    expect((await call(runs, "/api/runs?status=FAILED")).body.total).toBe(0);
  });

  it("reports the latest snapshot day per scope", async () => {
    const { body } = await call(freshness, "/api/freshness");
    expect(body.inventoryAsOf).toBe("2026-03-02");
    expect(body.costsAsOf).toBeNull();
    expect(body.scopes).toEqual([{ accountId: ACCOUNT, region: REGION, source: "inventory", lastGoodDay: "2026-03-02", dataThrough: "2026-03-02", lagging: false, status: "current" }]);
    // Every page's heading: the inventory's newest good day, none lagging, and no cost or per-key data.
    const day = new Date("2026-03-02T00:00:00Z");
    expect(await dataAsOf(db)).toMatchObject({ asOf: day, oldestScope: day, laggingScopes: 0, scopes: 1 });
    expect((await dataAsOf(db))!.sources.map((s) => [s.source, s.from, s.through])).toEqual([["inventory", "2026-03-01", "2026-03-02"], ["costs", null, null], ["keyRequests", null, null]]);
  });
});

describe("a setting removed in an upgrade", () => {
  it("is dropped from the stored settings instead of failing the next save", async () => {
    // As an earlier version stored it, with the cost center tag key it no longer has.
    await db.policySetting.create({ data: { key: "policy", value: { ...defaultPolicySettings, costCenterTagKey: "cc", unusedKeyDays: 60 } } });
    // A target: nothing to recompute, so the tests that follow see the same derived data.
    const put = await call(putSettings, "/api/settings", { method: "PUT", body: { targets: { mttpDays: 5 } } });
    expect(put.status).toBe(200);
    expect(put.body.recomputed).toEqual([]);
    expect(put.body.settings).toMatchObject({ unusedKeyDays: 60, targets: { mttpDays: 5 } });
    expect(put.body.settings).not.toHaveProperty("costCenterTagKey");
    const stored = await db.policySetting.findUniqueOrThrow({ where: { key: "policy" } });
    expect(stored.value).not.toHaveProperty("costCenterTagKey");
    // Back to the defaults for the tests that follow.
    await db.policySetting.delete({ where: { key: "policy" } });
  });
});

describe("a key-findings setting", () => {
  it("recomputes findings when the alias pattern changes", async () => {
    const before = await call(findingsApi, "/api/findings?code=ALIAS_CONVENTION");
    expect(before.body.items.map((f: Json) => f.keyArn)).toEqual([cmk("k2").keyArn]);
    const put = await call(putSettings, "/api/settings", { method: "PUT", body: { aliasPattern: "^alias/[A-Za-z]+_[A-Za-z]+$" } });
    expect(put.status).toBe(200);
    expect(put.body.recomputed).toEqual(["keyFindings"]);
    await runSettingsRecompute(db);
    const after = await call(findingsApi, "/api/findings?code=ALIAS_CONVENTION");
    expect(after.body.items.map((f: Json) => f.keyArn)).toEqual([cmk("k1").keyArn]);
    // "Since" comes from k1's version history (issue 13, item 17): under the new pattern its
    // alias has broken the convention since its first version, 2026-03-01.
    expect(after.body.items[0].firstSeen).toBe("2026-03-01");
  });
});
