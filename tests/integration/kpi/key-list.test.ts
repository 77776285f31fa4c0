// The key list's resource counts (key_current_stats rollup) and search, on hand-made snapshots.
// Day 1: kA protects v1..v4, kB v5, kC v7; v6 is unencrypted. Day 2: v4 moves to kB and v7 is
// gone. Current users: kA 3 (v1..v3; v4's day-1 version is closed), kB 2 (v4, v5), kC 0.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as keys } from "@/app/api/keys/route";
import type { InventorySnapshot, KmsKeyRecord, StorageResourceRecord } from "@/lib/domain/records";
import { listKeys, type KeysQuery } from "@/lib/queries/kpi/keys";
import { recomputeRollups } from "@/lib/rollups";
import { recomputeKeyCurrentStats } from "@/lib/rollups/key-stats";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, cmk, volume } from "../../fixtures/records";
import { call, type Json } from "../api/call";
import { resetTables, testDb } from "../support/db";

const db = testDb();
afterAll(() => db.$disconnect());

const kA = cmk("kA", { aliases: ["alias/Prod-db", "alias/x"] });
const kB = cmk("kB", { aliases: ["alias/app", "alias/PROD2", "alias/café"] });
const kC = cmk("kC", { aliases: ["alias/a_b"] });
const on = (key: KmsKeyRecord) => ({ keyArn: key.keyArn, keyRef: key.keyArn });
const day1 = [
  volume("v1", on(kA)), volume("v2", on(kA)), volume("v3", on(kA)), volume("v4", on(kA)),
  volume("v5", on(kB)), volume("v6", { encryptionClass: "NONE" }), volume("v7", on(kC)),
];
const day2 = [...day1.filter((r) => r.name !== "v4" && r.name !== "v7"), volume("v4", on(kB))];

function snapshot(resources: StorageResourceRecord[]): InventorySnapshot {
  return { accountId: ACCOUNT, region: REGION, keys: [kA, kB, kC], keyUsage: [], resources, warnings: [] };
}

async function storeDay(day: string, resources: StorageResourceRecord[]) {
  await storeInventorySnapshot(db, { day, runId: null, snapshot: snapshot(resources), settings: defaultPolicySettings });
  await recomputeRollups(db, "2026-03-01", day);
}

const stats = async () => (await db.keyCurrentStats.findMany({ orderBy: { keyArn: "asc" } })).map((s) => [s.keyArn.split("/")[1], s.resources]);
const search = async (text: string) => {
  const query: KeysQuery = { search: text, sort: { field: "created", descending: false }, page: 1, pageSize: 50 };
  return (await listKeys(db, query)).items.map((k) => k.keyId);
};

beforeAll(async () => {
  await resetTables(db);
  await storeDay("2026-03-01", day1);
});

describe("key list: resources from key_current_stats", () => {
  it("day 1: counts each key's current resources, none for the unencrypted one", async () => {
    expect(await stats()).toEqual([["kA", 4], ["kB", 1], ["kC", 1]]);
  });

  it("day 2: a closed version no longer counts; a key left without resources has no row and lists 0", async () => {
    await storeDay("2026-03-02", day2);
    expect(await stats()).toEqual([["kA", 3], ["kB", 2]]);
    const { body } = await call(keys, "/api/keys?sort=-resources");
    expect(body.items.map((k: Json) => [k.keyId, k.resources])).toEqual([["kA", 3], ["kB", 2], ["kC", 0]]);
    const ascending = await call(keys, "/api/keys?sort=resources");
    expect(ascending.body.items.map((k: Json) => k.keyId)).toEqual(["kC", "kB", "kA"]);
  });

  it("rebuilds from scratch: stale rows of keys that lost their resources go", async () => {
    await db.keyCurrentStats.create({ data: { keyArn: kC.keyArn, resources: 9 } });
    expect(await recomputeKeyCurrentStats(db)).toEqual({ keys: 2 });
    expect(await stats()).toEqual([["kA", 3], ["kB", 2]]);
  });
});

describe("key list: search", () => {
  it("matches any alias (not only the first), case-insensitively", async () => {
    expect(await search("prod")).toEqual(["kA", "kB"]); // same creation date: by ARN
    expect(await search("PROD2")).toEqual(["kB"]);
  });

  it("matches the key id and the ARN", async () => {
    expect(await search("KC")).toEqual(["kC"]);
    expect(await search(`${ACCOUNT}:key/kb`)).toEqual(["kB"]);
  });

  it("never matches across two aliases, nor across the ARN and an alias", async () => {
    expect(await search("db\nalias/x")).toEqual([]);
    expect(await search("kA\nalias")).toEqual([]);
    expect(await search("-db")).toEqual(["kA"]);
  });

  it("takes % and _ literally", async () => {
    expect(await search("a_b")).toEqual(["kC"]);
    expect(await search("_")).toEqual(["kC"]);
    expect(await search("%")).toEqual([]);
  });

  it("matches a non-ASCII search", async () => {
    expect(await search("afé")).toEqual(["kB"]);
    expect(await search("é\nalias")).toEqual([]);
  });
});
