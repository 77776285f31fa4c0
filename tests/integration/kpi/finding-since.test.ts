// A finding's firstSeen is the first day of the current uninterrupted stretch in which it holds,
// read from the key's version history, not the day the findings rollup happened to run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InventorySnapshot, KmsKeyRecord } from "@/lib/domain/records";
import { recomputeRollups } from "@/lib/rollups";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { storeInventorySnapshot } from "@/lib/store/snapshot";
import { ACCOUNT, REGION, cmk, volume } from "../../fixtures/records";
import { resetTables, testDb } from "../support/db";

const db = testDb();
afterAll(() => db.$disconnect());

const root = { Sid: "root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" };
const open = { Sid: "open", Effect: "Allow", Principal: "*", Action: "kms:DescribeKey", Resource: "*" };
const publicPolicy = { Version: "2012-10-17", Statement: [root, open] };
const privatePolicy = { Version: "2012-10-17", Statement: [root] };
const TAGS = { owner: "team-a", "cost-center": "cc-1", "business-unit": "payments" };

// flip: public day 1, private day 5, public again day 8. always: public since day 1.
const flip = (policy: object) => cmk("flip", { policy, tags: TAGS, aliases: ["alias/prod-app-flip"] });
const always = cmk("always", { policy: publicPolicy, tags: TAGS, aliases: ["alias/prod-app-always"] });

function snapshot(keys: KmsKeyRecord[]): InventorySnapshot {
  return { accountId: ACCOUNT, region: REGION, keys, keyUsage: [], resources: [volume("v1", { keyArn: always.keyArn }), volume("v2", { keyArn: cmk("flip").keyArn })], warnings: [] };
}

beforeAll(() => resetTables(db));

describe("finding firstSeen from the version history", () => {
  it("is the start of the current stretch, even when the rollup first runs on the latest day", async () => {
    const days: [string, object][] = [["2026-03-01", publicPolicy], ["2026-03-05", privatePolicy], ["2026-03-08", publicPolicy]];
    for (const [day, policy] of days) {
      await storeInventorySnapshot(db, { day, runId: null, snapshot: snapshot([flip(policy), always]), settings: defaultPolicySettings });
    }
    await db.keyFinding.deleteMany({});
    await recomputeRollups(db, "2026-03-08", "2026-03-08");
    const rows = await db.keyFinding.findMany({ where: { code: "PUBLIC_POLICY" }, orderBy: { keyArn: "asc" } });
    expect(rows.map((f) => `${f.keyArn.split("/")[1]} ${f.firstSeen.toISOString().slice(0, 10)}`)).toEqual([
      "always 2026-03-01",
      "flip 2026-03-08",
    ]);
  });
});

// Findings with a key half and a resource/usage half: the later start of the two wins.
describe("firstSeen of in-use-while-pending and unused keys", () => {
  const pend = (keyState: string) => cmk("pend", { keyState, deletionDate: keyState === "PendingDeletion" ? new Date("2026-03-20T00:00:00Z") : null, tags: TAGS });
  const idle = cmk("idle", { tags: TAGS, creationDate: new Date("2025-06-01T00:00:00Z") });
  const idleNeverReferenced = cmk("idle-alone", { tags: TAGS, creationDate: new Date("2025-06-01T00:00:00Z") });
  // Last used 2025-12-01 10:00; 90 idle days end 2026-03-01 10:00: idle from the snapshot of 2026-03-02.
  const lastUsed = new Date("2025-12-01T10:00:00Z");
  const usage = [idle, idleNeverReferenced].map((k) => ({ keyArn: k.keyArn, status: "USED" as const, lastUsedAt: lastUsed, lastOperation: "Decrypt", trackingStartDate: new Date("2023-04-01T00:00:00Z") }));
  const onPend = volume("on-pend", { keyArn: pend("Enabled").keyArn });
  const onIdle = volume("on-idle", { keyArn: idle.keyArn });
  // Day 1: pend enabled, idle still used by a volume. Day 3: pend scheduled for deletion.
  // Day 5: a volume on pend appears, the volume on idle is gone. Day 8: the rollup runs.
  const days: [string, string, ReturnType<typeof volume>[]][] = [
    ["2026-03-01", "Enabled", [onIdle]],
    ["2026-03-03", "PendingDeletion", [onIdle]],
    ["2026-03-05", "PendingDeletion", [onPend]],
    ["2026-03-08", "PendingDeletion", [onPend]],
  ];

  it("starts on the later of the key's state and the resources' or usage's stretch", async () => {
    await resetTables(db);
    for (const [day, state, resources] of days) {
      const snap: InventorySnapshot = { accountId: ACCOUNT, region: REGION, keys: [pend(state), idle, idleNeverReferenced], keyUsage: usage, resources, warnings: [] };
      await storeInventorySnapshot(db, { day, runId: null, snapshot: snap, settings: defaultPolicySettings });
    }
    await db.keyFinding.deleteMany({});
    await recomputeRollups(db, "2026-03-08", "2026-03-08");
    const rows = await db.keyFinding.findMany({ where: { code: { in: ["PENDING_DELETION_IN_USE", "UNUSED"] } }, orderBy: [{ code: "asc" }, { keyArn: "asc" }] });
    expect(rows.map((f) => `${f.code} ${f.keyArn.split("/")[1]} ${f.firstSeen.toISOString().slice(0, 10)}`)).toEqual([
      // Pending since 03-03, in use since 03-05.
      "PENDING_DELETION_IN_USE pend 2026-03-05",
      // Idle from 03-02, but its volume left on 03-05.
      "UNUSED idle 2026-03-05",
      // Idle from 03-02: not the start of history (03-01), not the rollup day (03-08).
      "UNUSED idle-alone 2026-03-02",
    ]);
  });
});
