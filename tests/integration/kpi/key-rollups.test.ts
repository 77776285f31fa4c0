// key_finding and key_provisioning on a hand-made history of three snapshots, with the numbers
// worked out by hand: which findings each key has, when each was first seen, and each key's
// first day free of hygiene findings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as keyDetail } from "@/app/api/keys/[arn]/route";
import { GET as mttp } from "@/app/api/mttp/route";
import type { InventorySnapshot, KmsKeyRecord } from "@/lib/domain/records";
import { recomputeRollups } from "@/lib/rollups";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, cmk, volume } from "../../fixtures/records";
import { call, type Json } from "../api/call";
import { resetTables, testDb } from "../support/db";

const db = testDb();
afterAll(() => db.$disconnect());

const FULL_TAGS = { owner: "team-a", "cost-center": "cc-1", "business-unit": "payments" };
const k1 = cmk("k1"); // clean from the start
const k2day1 = cmk("k2", { aliases: [], tags: { owner: "team-b" }, rotationEnabled: false, creationDate: new Date("2026-03-01T10:00:00Z") });
const k2day3 = { ...k2day1, tags: FULL_TAGS };
const k2day5 = { ...k2day3, aliases: ["alias/dev-app-k2"], rotationEnabled: true };
const k3 = cmk("k3", { keyState: "Disabled" }); // rotationCount 1: $1 + $1 surcharge
const k4 = cmk("k4", { keyState: "PendingDeletion", deletionDate: new Date("2026-03-08T12:00:00Z"), pendingWindowDays: 7 });
const k5 = cmk("k5");
const k6 = cmk("k6", { aliases: ["alias/legacy"] }); // never matches the alias convention
const k8 = cmk("k8", { aliases: [], creationDate: new Date("2026-03-02T09:00:00Z") });
const awsKey: KmsKeyRecord = { ...cmk("aws1"), keyManager: "AWS", aliases: ["alias/aws/ebs"], tags: {}, rotationEnabled: false };

const resources = [
  volume("v1", { keyArn: k1.keyArn }),
  volume("v4", { keyArn: k4.keyArn, keyRef: k4.keyArn }),
  volume("v5", { keyArn: k5.keyArn, tags: { "business-unit": "payments", env: "prod" } }),
  volume("v6", { keyArn: k5.keyArn, tags: { "business-unit": "retail", env: "prod" } }),
];
const unusedK6 = { keyArn: k6.keyArn, status: "NEVER_USED" as const, lastUsedAt: null, lastOperation: null, trackingStartDate: new Date("2025-01-01T00:00:00Z") };

function snapshot(keys: KmsKeyRecord[]): InventorySnapshot {
  return { accountId: ACCOUNT, region: REGION, keys, keyUsage: [unusedK6], resources, warnings: [] };
}

async function storeDay(day: string, keys: KmsKeyRecord[]) {
  await storeInventorySnapshot(db, { day, runId: null, snapshot: snapshot(keys), settings: defaultPolicySettings });
  await recomputeRollups(db, "2026-03-01", day);
}

async function findings() {
  const rows = await db.keyFinding.findMany({ orderBy: [{ keyArn: "asc" }, { code: "asc" }] });
  return rows.map((f) => `${f.keyArn.split("/")[1]} ${f.code} ${f.firstSeen.toISOString().slice(0, 10)}`);
}

beforeAll(() => resetTables(db));

describe("key findings and provisioning rollups", () => {
  it("day 1: every finding first seen today; AWS managed keys get none", async () => {
    await storeDay("2026-03-01", [k1, k2day1, k3, k4, k5, k6, awsKey]);
    expect(await findings()).toEqual([
      "k2 ALIAS_CONVENTION 2026-03-01",
      "k2 MISSING_TAGS 2026-03-01",
      "k2 ROTATION_DISABLED 2026-03-01",
      "k3 DISABLED_BILLED 2026-03-01",
      "k4 PENDING_DELETION_IN_USE 2026-03-01",
      "k5 SHARED_MASTER_KEY 2026-03-01",
      "k6 ALIAS_CONVENTION 2026-03-01",
      "k6 UNUSED 2026-03-01",
    ]);
    const disabled = await db.keyFinding.findUniqueOrThrow({ where: { keyArn_code: { keyArn: k3.keyArn, code: "DISABLED_BILLED" } } });
    expect(disabled.evidence).toEqual({ monthlyCost: 2 });
    const missing = await db.keyFinding.findUniqueOrThrow({ where: { keyArn_code: { keyArn: k2day1.keyArn, code: "MISSING_TAGS" } } });
    expect(missing.evidence).toEqual({ missing: ["cost-center", "business-unit"] });
    // Deletion on Mar 8 12:00, as of Mar 1 00:00: 7.5 days → 8 days left.
    const pending = await db.keyFinding.findUniqueOrThrow({ where: { keyArn_code: { keyArn: k4.keyArn, code: "PENDING_DELETION_IN_USE" } } });
    expect(pending.evidence).toMatchObject({ daysLeft: 8, resourceArns: [resources[1]!.resourceArn] });
  });

  it("day 3: persisting findings keep their first day, fixed ones go, new keys' findings start", async () => {
    await storeDay("2026-03-03", [k1, k2day3, k3, k4, k5, k6, k8, awsKey]);
    expect(await findings()).toEqual([
      "k2 ALIAS_CONVENTION 2026-03-01",
      "k2 ROTATION_DISABLED 2026-03-01",
      "k3 DISABLED_BILLED 2026-03-01",
      "k4 PENDING_DELETION_IN_USE 2026-03-01",
      "k5 SHARED_MASTER_KEY 2026-03-01",
      "k6 ALIAS_CONVENTION 2026-03-01",
      "k6 UNUSED 2026-03-01",
      "k8 ALIAS_CONVENTION 2026-03-03",
    ]);
    // The key detail counts down from the latest snapshot: 5.5 days → 6.
    const detail = await call(keyDetail, "/api/keys/x", { params: { arn: encodeURIComponent(k4.keyArn) } });
    expect(detail.body.deletion).toMatchObject({ daysLeft: 6, pendingWindowDays: 7 });
    expect(detail.body.resources.map((r: Json) => r.name)).toEqual(["v4"]);
  });

  it("day 5: provisioning is the first version day without hygiene findings", async () => {
    await storeDay("2026-03-05", [k1, k2day5, k3, k4, k5, k6, k8, awsKey]);
    const rows = await db.keyProvisioning.findMany({ orderBy: { keyArn: "asc" } });
    expect(rows.map((r) => [r.keyArn.split("/")[1], r.compliantOn?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["k1", "2026-03-01"],
      ["k2", "2026-03-05"], // tags fixed on the 3rd, alias and rotation on the 5th
      ["k3", "2026-03-01"], // disabled is not a hygiene finding
      ["k4", "2026-03-01"], // rotation does not apply to a key pending deletion
      ["k5", "2026-03-01"],
      ["k6", null],
      ["k8", null],
    ]);
    expect(await findings()).not.toContain("k2 ALIAS_CONVENTION 2026-03-01");

    // Keys created Mar 1-5: k2 (4 days) and k8 (open).
    const { body } = await call(mttp, "/api/mttp?from=2026-03-01&to=2026-03-05");
    expect(body.summary).toEqual({ keys: 2, provisioned: 1, open: 1, meanDays: 4, medianDays: 4 });
    expect(body.keys.map((k: Json) => [k.keyArn.split("/")[1], k.days])).toEqual([["k2", 4], ["k8", null]]);
  });
});
