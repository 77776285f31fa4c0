import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { InventorySnapshot, StorageResourceRecord } from "@/lib/domain/records";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, cmk, volume } from "../fixtures/records";
import { resetTables, testDb } from "./support/db";

// The snapshot path COPYs new versions on its own pg transaction: values must arrive exactly as
// given, and a failure in the middle of a COPY must leave the previous snapshot as it was.

const db = testDb();
afterAll(() => db.$disconnect());
beforeEach(() => resetTables(db));

const snapshot = (parts: Partial<InventorySnapshot>): InventorySnapshot => ({
  accountId: ACCOUNT, region: REGION, keys: [], keyUsage: [], resources: [], warnings: [], ...parts,
});
const store = (day: string, s: InventorySnapshot) => storeInventorySnapshot(db, { day, runId: null, snapshot: s, settings: defaultPolicySettings });

describe("storeInventorySnapshot COPY", () => {
  it("stores text with tabs, newlines, backslashes, quotes and non-ASCII unchanged", async () => {
    const odd = "a\tb\nc\\d \"q\" é—✓ \\N";
    const key = cmk("k1", { description: odd, aliases: ["alias/x", 'alias/"y",{z}'], tags: { [odd]: odd }, policy: { Statement: [{ Sid: odd }] } });
    const resource = volume("v1", { name: odd, tags: { "business-unit": " pay\tments ", env: "prod", note: odd }, keyArn: key.keyArn, keyRef: key.keyArn });
    await store("2026-03-01", snapshot({ keys: [key], resources: [resource] }));

    const k = await db.kmsKeyVersion.findFirstOrThrow({ include: { policy: true } });
    expect(k.description).toBe(odd);
    expect(k.aliases).toEqual(["alias/x", 'alias/"y",{z}']);
    expect(k.tags).toEqual({ [odd]: odd });
    expect(k.policy?.document).toEqual({ Statement: [{ Sid: odd }] });
    const r = await db.storageResourceVersion.findFirstOrThrow();
    expect(r.name).toBe(odd);
    expect(r.tags).toEqual({ "business-unit": " pay\tments ", env: "prod", note: odd });
    expect(r.businessUnit).toBe("pay\tments"); // derived, trimmed
    expect(r.sizeBytes).toBe(100n * 1024n ** 3n);
    expect(r.keyState).toBe("Enabled");
    expect(r.validTo.toISOString().slice(0, 10)).toBe("9999-12-31");
    // Stored as given: the next day's identical snapshot changes nothing.
    expect((await store("2026-03-02", snapshot({ keys: [key], resources: [resource] }))).resources).toEqual({ unchanged: 1, changed: 0, added: 0, removed: 0 });
  });

  it("rolls the whole snapshot back when the server rejects a row in the middle of the COPY", async () => {
    const good = Array.from({ length: 5000 }, (_, i) => volume(`v${i}`));
    await store("2026-03-01", snapshot({ resources: good }));
    // Row 3000 of the next day is rejected by the enum: by then 3000 rows (and closes) were sent.
    const next = good.map((r, i) => (i === 3000 ? ({ ...r, service: "NOT_A_SERVICE" } as unknown as StorageResourceRecord) : { ...r, sizeBytes: 1n }));
    await expect(store("2026-03-02", snapshot({ resources: next }))).rejects.toThrow(/NOT_A_SERVICE/);
    expect(await db.storageResourceVersion.count()).toBe(5000);
    expect(await db.storageResourceVersion.count({ where: { validTo: new Date("9999-12-31"), sizeBytes: 100n * 1024n ** 3n } })).toBe(5000);
    expect(await db.scopeFreshness.findMany({ select: { lastGoodDay: true } })).toEqual([{ lastGoodDay: new Date("2026-03-01") }]);
    // The connection went back to the pool usable: the retry succeeds.
    expect((await store("2026-03-02", snapshot({ resources: good.slice(1) }))).resources).toEqual({ unchanged: 4999, changed: 0, added: 0, removed: 1 });
  });

  it("rolls back the COPYed and closed versions when a later step of the snapshot fails", async () => {
    const good = Array.from({ length: 3000 }, (_, i) => volume(`v${i}`));
    await store("2026-03-01", snapshot({ resources: good }));
    // Key usage is written after the versions: its bad status fails the snapshot at the very end.
    const badUsage = [{ keyArn: "arn:aws:kms:eu-west-1:111122223333:key/k1", status: "BOGUS" }] as unknown as InventorySnapshot["keyUsage"];
    const next = snapshot({ resources: good.slice(1).map((r) => ({ ...r, sizeBytes: 1n })), keyUsage: badUsage });
    await expect(store("2026-03-02", next)).rejects.toThrow(/BOGUS/);
    expect(await db.storageResourceVersion.count()).toBe(3000);
    expect(await db.storageResourceVersion.count({ where: { validTo: new Date("9999-12-31") } })).toBe(3000);
  });

  it("rolls back when building a row fails while the COPY is under way", async () => {
    await store("2026-03-01", snapshot({ resources: [volume("v0")] }));
    const broken = { ...volume("v4000"), tags: null } as unknown as StorageResourceRecord;
    const next = [...Array.from({ length: 4000 }, (_, i) => volume(`v${i}`, { sizeBytes: 1n })), broken];
    await expect(store("2026-03-02", snapshot({ resources: next }))).rejects.toThrow();
    expect(await db.storageResourceVersion.count()).toBe(1);
    expect((await db.storageResourceVersion.findFirstOrThrow()).validTo.toISOString().slice(0, 10)).toBe("9999-12-31");
  });
});
