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
