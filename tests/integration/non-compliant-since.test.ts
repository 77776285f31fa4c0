import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { InventorySnapshot, StorageResourceRecord } from "@/lib/domain/records";
import { nonCompliantResources } from "@/lib/queries/kpi/noncompliant-resources";
import { recomputeRollups } from "@/lib/rollups";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { storeInventoryHistory } from "@/lib/store/history";
import { refreshNonCompliantSince } from "@/lib/store/non-compliant-since";
import { recomputeResourceDerived } from "@/lib/store/recompute-derived";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, volume } from "../fixtures/records";
import { resetTables, testDb } from "./support/db";

// non_compliant_since, hand-computed per version: a change of reason keeps the stretch, a
// compliant version or a gap ends it; every writer (snapshot, history, settings re-derive)
// keeps the column right.

const db = testDb();
afterAll(() => db.$disconnect());
beforeEach(() => resetTables(db));

const snapshot = (resources: StorageResourceRecord[]): InventorySnapshot => ({ accountId: ACCOUNT, region: REGION, keys: [], keyUsage: [], resources, warnings: [] });
const store = (day: string, resources: StorageResourceRecord[]) =>
  storeInventorySnapshot(db, { day, runId: null, snapshot: snapshot(resources), settings: defaultPolicySettings });

/** name → [valid_from, non_compliant_since] per version, oldest first. */
async function sinces(): Promise<Record<string, [string, string | null][]>> {
  const rows = await db.storageResourceVersion.findMany({ orderBy: [{ name: "asc" }, { validFrom: "asc" }], select: { name: true, validFrom: true, nonCompliantSince: true } });
  const out: Record<string, [string, string | null][]> = {};
  for (const r of rows) (out[r.name] ??= []).push([r.validFrom.toISOString().slice(0, 10), r.nonCompliantSince?.toISOString().slice(0, 10) ?? null]);
  return out;
}

describe("non_compliant_since", () => {
  it("is kept by snapshots: a reason change continues the stretch, a compliant version or a gap restarts it", async () => {
    const unencrypted = { encryptionClass: "NONE" as const };
    await store("2026-03-01", [volume("a", unencrypted), volume("b", unencrypted), volume("c", unencrypted)]);
    await store("2026-03-02", [volume("a", { encryptionClass: "SSE_S3" }), volume("c", unencrypted)]); // b gone
    await store("2026-03-03", [volume("a"), volume("b", unencrypted), volume("c", unencrypted)]); // a compliant (CMK), b back
    await store("2026-03-04", [volume("a", { encryptionClass: "AWS_MANAGED_KMS" }), volume("b", unencrypted), volume("c", unencrypted)]);
    expect(await sinces()).toEqual({
      a: [["2026-03-01", "2026-03-01"], ["2026-03-02", "2026-03-01"], ["2026-03-03", null], ["2026-03-04", "2026-03-04"]],
      b: [["2026-03-01", "2026-03-01"], ["2026-03-03", "2026-03-03"]],
      c: [["2026-03-01", "2026-03-01"]],
    });
    // Nothing left to fix: the snapshots wrote every value the full recompute would.
    expect(await refreshNonCompliantSince(db)).toBe(0);

    // The page reads it, on the latest day (current versions) and on an earlier one.
    const page = (day: string) => nonCompliantResources(db, { day, filters: {}, sort: { field: "since", descending: true }, page: 1, pageSize: 10 });
    const latest = await page("2026-03-04");
    expect(latest.total).toBe(3);
    expect(latest.items.map((i) => [i.name, i.reason, i.since])).toEqual([
      ["a", "AWS_MANAGED_KEY", "2026-03-04"],
      ["b", "UNENCRYPTED", "2026-03-03"],
      ["c", "UNENCRYPTED", "2026-03-01"],
    ]);
    const earlier = await page("2026-03-02");
    expect(earlier.items.map((i) => [i.name, i.reason, i.since])).toEqual([
      ["a", "SSE_S3", "2026-03-01"],
      ["c", "UNENCRYPTED", "2026-03-01"],
    ]);

    // History starts on 03-01 (the first day with rollups): c's stretch began then or before it.
    // Without rollups there is no known start, and no row claims it.
    expect((await page("2026-03-04")).items.map((i) => [i.name, i.sinceHistoryStart])).toEqual([["a", false], ["b", false], ["c", false]]);
    await recomputeRollups(db, "2026-03-01", "2026-03-04");
    expect((await page("2026-03-04")).items.map((i) => [i.name, i.sinceHistoryStart])).toEqual([["a", false], ["b", false], ["c", true]]);
  });

  it("is kept by a rerun of the same day that undoes a change", async () => {
    await store("2026-03-01", [volume("a", { encryptionClass: "NONE" })]);
    await store("2026-03-02", [volume("a")]); // compliant
    await store("2026-03-02", [volume("a", { encryptionClass: "SSE_S3" })]); // rerun: still non-compliant
    expect(await sinces()).toEqual({ a: [["2026-03-01", "2026-03-01"], ["2026-03-02", "2026-03-01"]] });
  });

  it("is computed for histories written directly", async () => {
    const v = (name: string, validFrom: string, validTo: string | null, encryptionClass: StorageResourceRecord["encryptionClass"]) => ({
      record: volume(name, { encryptionClass }),
      validFrom,
      validTo,
      keyState: null,
    });
    await storeInventoryHistory(
      db,
      {
        keys: [],
        resources: [
          v("h", "2026-01-10", "2026-02-01", "NONE"),
          v("h", "2026-02-01", "2026-03-01", "SSE_S3"),
          v("h", "2026-03-01", null, "AWS_MANAGED_KMS"),
          v("g", "2026-01-10", "2026-01-20", "NONE"),
          v("g", "2026-02-01", null, "NONE"), // after a 12-day gap
          v("late", "2026-04-01", null, "SSE_S3"),
        ],
      },
      defaultPolicySettings,
    );
    expect(await sinces()).toEqual({
      g: [["2026-01-10", "2026-01-10"], ["2026-02-01", "2026-02-01"]],
      h: [["2026-01-10", "2026-01-10"], ["2026-02-01", "2026-01-10"], ["2026-03-01", "2026-01-10"]],
      late: [["2026-04-01", "2026-04-01"]],
    });
    // 03-15 is after every end but before late's start: current versions that started by then.
    const page = await nonCompliantResources(db, { day: "2026-03-15", filters: {}, sort: { field: "name", descending: false }, page: 1, pageSize: 10 });
    expect(page.total).toBe(2);
    expect(page.items.map((i) => [i.name, i.since])).toEqual([["g", "2026-02-01"], ["h", "2026-01-10"]]);
  });

  it("follows a settings change that re-derives the reasons of all history", async () => {
    const dev = { encryptionClass: "NONE" as const, tags: { "business-unit": "payments", env: "dev" } };
    const prod = { encryptionClass: "NONE" as const };
    // e: prod, then dev (no CMK required: compliant), then prod again; d: dev throughout.
    await store("2026-03-01", [volume("e", prod), volume("d", dev)]);
    await store("2026-03-02", [volume("e", dev), volume("d", dev)]);
    await store("2026-03-03", [volume("e", prod), volume("d", dev)]);
    expect(await sinces()).toEqual({
      d: [["2026-03-01", null]],
      e: [["2026-03-01", "2026-03-01"], ["2026-03-02", null], ["2026-03-03", "2026-03-03"]],
    });
    // dev now counts as production: e is non-compliant throughout, d from its first day.
    await recomputeResourceDerived(db, { ...defaultPolicySettings, productionValues: ["prod", "production", "dev"] });
    expect(await sinces()).toEqual({
      d: [["2026-03-01", "2026-03-01"]],
      e: [["2026-03-01", "2026-03-01"], ["2026-03-02", "2026-03-01"], ["2026-03-03", "2026-03-01"]],
    });
    // And back: the stretches split again.
    await recomputeResourceDerived(db, defaultPolicySettings);
    expect(await sinces()).toEqual({
      d: [["2026-03-01", null]],
      e: [["2026-03-01", "2026-03-01"], ["2026-03-02", null], ["2026-03-03", "2026-03-03"]],
    });
  });
});
