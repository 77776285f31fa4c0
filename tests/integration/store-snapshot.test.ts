import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { InventorySnapshot } from "@/lib/domain/records";
import { recomputeRollups } from "@/lib/rollups";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { keyContentHash } from "@/lib/store/rows";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, cmk, volume } from "../fixtures/records";
import { resetTables, testDb } from "./support/db";

const db = testDb();
afterAll(() => db.$disconnect());
beforeEach(() => resetTables(db));

const GiB = 1024n ** 3n;
const k1 = cmk("k1");

function snapshot(parts: Partial<InventorySnapshot>): InventorySnapshot {
  return { accountId: ACCOUNT, region: REGION, keys: [], keyUsage: [], resources: [], warnings: [], ...parts };
}

const day1 = snapshot({
  keys: [k1],
  resources: [
    volume("v1", { keyArn: k1.keyArn, keyRef: k1.keyArn }),
    volume("v2", { encryptionClass: "NONE", sizeBytes: 50n * GiB }),
    volume("v3", { encryptionClass: "AWS_MANAGED_KMS", sizeBytes: 20n * GiB, tags: { "business-unit": "payments", env: "dev" } }),
  ],
});
const disabledK1 = { ...k1, keyState: "Disabled" };
const day3 = snapshot({
  keys: [disabledK1],
  resources: [
    volume("v1", { keyArn: k1.keyArn, keyRef: k1.keyArn }),
    volume("v2", { encryptionClass: "CUSTOMER_KMS", keyArn: k1.keyArn, keyRef: k1.keyArn, sizeBytes: 50n * GiB }),
  ],
});

async function store(day: string, s: InventorySnapshot) {
  return storeInventorySnapshot(db, { day, runId: null, snapshot: s, settings: defaultPolicySettings });
}

async function inventoryAsOf(day: string) {
  return db.storageResourceVersion.findMany({
    where: { validFrom: { lte: new Date(day) }, validTo: { gt: new Date(day) } },
    orderBy: { name: "asc" },
    select: { name: true, encryptionClass: true, nonCompliantReason: true, keyState: true },
  });
}

describe("storeInventorySnapshot", () => {
  it("writes versions only for what changed and answers 'as of' any day", async () => {
    expect(await store("2026-03-01", day1)).toEqual({
      keys: { unchanged: 0, changed: 0, added: 1, removed: 0 },
      resources: { unchanged: 0, changed: 0, added: 3, removed: 0 },
    });
    expect(await store("2026-03-02", day1)).toEqual({
      keys: { unchanged: 1, changed: 0, added: 0, removed: 0 },
      resources: { unchanged: 3, changed: 0, added: 0, removed: 0 },
    });
    // Key disabled: v1 changes (its key state), v2 is re-encrypted, v3 is gone.
    expect(await store("2026-03-03", day3)).toEqual({
      keys: { unchanged: 0, changed: 1, added: 0, removed: 0 },
      resources: { unchanged: 0, changed: 2, added: 0, removed: 1 },
    });
    expect(await db.storageResourceVersion.count()).toBe(5);

    expect(await inventoryAsOf("2026-03-02")).toEqual([
      { name: "v1", encryptionClass: "CUSTOMER_KMS", nonCompliantReason: null, keyState: "Enabled" },
      { name: "v2", encryptionClass: "NONE", nonCompliantReason: "UNENCRYPTED", keyState: null },
      { name: "v3", encryptionClass: "AWS_MANAGED_KMS", nonCompliantReason: null, keyState: null },
    ]);
    expect(await inventoryAsOf("2026-03-03")).toEqual([
      { name: "v1", encryptionClass: "CUSTOMER_KMS", nonCompliantReason: "KEY_UNUSABLE", keyState: "Disabled" },
      { name: "v2", encryptionClass: "CUSTOMER_KMS", nonCompliantReason: "KEY_UNUSABLE", keyState: "Disabled" },
    ]);
  });

  it("replaces a same-day snapshot instead of stacking it", async () => {
    await store("2026-03-01", day1);
    await store("2026-03-03", day1);
    await store("2026-03-03", day3); // the rerun of the 3rd sees different data
    await store("2026-03-03", day3); // and once more, unchanged
    expect(await db.storageResourceVersion.count()).toBe(5);
    expect((await inventoryAsOf("2026-03-03")).map((r) => r.name)).toEqual(["v1", "v2"]);
    expect((await inventoryAsOf("2026-03-02")).map((r) => r.name)).toEqual(["v1", "v2", "v3"]);
  });

  it("upgrades a key hash stored in an earlier form in place instead of versioning the key again", async () => {
    await store("2026-03-01", day1);
    // What versions written in the earlier hash forms hold (rows.test.ts pins these values).
    for (const [i, stored] of ["38Mn4zx2XoDk1fhwE52n+uF/T9w=", "2:4kYGj6m5bI0sCjGa4fUEgxCxKns="].entries()) {
      await db.kmsKeyVersion.updateMany({ data: { contentHash: stored } });
      expect((await store(`2026-03-0${2 + i}`, day1)).keys).toEqual({ unchanged: 1, changed: 0, added: 0, removed: 0 });
      expect(await db.kmsKeyVersion.findMany({ select: { validFrom: true, contentHash: true } })).toEqual([
        { validFrom: new Date("2026-03-01"), contentHash: keyContentHash(k1) },
      ]);
    }
    // A stored hash of an earlier form that does not match the key is a change.
    for (const stored of ["an-older-key-state", "2:an-older-key-state"]) {
      await db.kmsKeyVersion.updateMany({ where: { validTo: new Date("9999-12-31") }, data: { contentHash: stored } });
      expect((await store(stored.startsWith("2:") ? "2026-03-05" : "2026-03-04", day1)).keys).toEqual({ unchanged: 0, changed: 1, added: 0, removed: 0 });
    }
  });

  it("refuses to rewrite history with an older snapshot and leaves the data intact", async () => {
    await store("2026-03-03", day1);
    await expect(store("2026-03-01", day3)).rejects.toThrow(/already has a snapshot for 2026-03-03/);
    expect((await inventoryAsOf("2026-03-03")).map((r) => r.name)).toEqual(["v1", "v2", "v3"]);
  });
});

describe("coverage rollups", () => {
  it("carries counts forward between changes and follows each change", async () => {
    await store("2026-03-01", day1);
    await store("2026-03-03", day3);
    await recomputeRollups(db, "2026-03-01", "2026-03-04");
    const rows = await db.coverageBuDaily.findMany({ orderBy: { day: "asc" } });
    const byDay = rows.map((r) => ({
      day: r.day.toISOString().slice(0, 10),
      resources: r.resources,
      cmk: r.cmkResources,
      totalGiB: Number(r.totalBytes / GiB),
      cmkGiB: Number(r.cmkBytes / GiB),
      unencrypted: r.ncUnencrypted,
      unusable: r.ncKeyUnusable,
    }));
    expect(byDay).toEqual([
      { day: "2026-03-01", resources: 3, cmk: 1, totalGiB: 170, cmkGiB: 100, unencrypted: 1, unusable: 0 },
      { day: "2026-03-02", resources: 3, cmk: 1, totalGiB: 170, cmkGiB: 100, unencrypted: 1, unusable: 0 },
      { day: "2026-03-03", resources: 2, cmk: 2, totalGiB: 150, cmkGiB: 150, unencrypted: 0, unusable: 2 },
      { day: "2026-03-04", resources: 2, cmk: 2, totalGiB: 150, cmkGiB: 150, unencrypted: 0, unusable: 2 },
    ]);
    // Recomputing a sub-range gives the same rows for it and leaves the others alone.
    await recomputeRollups(db, "2026-03-02", "2026-03-03");
    expect(await db.coverageBuDaily.count()).toBe(4);
    // The full-grain intervals: one run per group from each change to the next.
    const intervals = await db.coverageInterval.findMany({ orderBy: { validFrom: "asc" }, select: { validFrom: true, validTo: true, resources: true, environment: true } });
    expect(intervals.map((i) => [i.validFrom.toISOString().slice(0, 10), i.validTo.toISOString().slice(0, 10), i.environment, i.resources])).toEqual([
      ["2026-03-01", "2026-03-02", "dev", 1],
      ["2026-03-01", "2026-03-02", "prod", 2],
      ["2026-03-02", "2026-03-03", "dev", 1], // the sub-range recompute split the run at its start
      ["2026-03-02", "2026-03-03", "prod", 2],
      ["2026-03-03", "2026-03-04", "prod", 2],
      ["2026-03-04", "2026-03-05", "prod", 2], // and kept the part after it
    ]);
  });
});
