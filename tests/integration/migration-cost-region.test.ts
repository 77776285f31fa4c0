import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { regionFromUsageType } from "@/lib/domain/usage-type";
import { databaseBefore, type DatabaseBefore } from "./support/upgrade";

// A database from before 20261205010000_cost_region_from_usage_type, when only billing codes were
// read from usage types: each real KMS cost row (region id prefix) was stored as us-east-1.
// Upgrading re-derives every stored row's region from its usage type, as the collector now does.

const UPGRADE = "20261205010000_cost_region_from_usage_type";

// Usage type, the region the earlier release stored, the region it really is (by hand).
const ROWS: [usageType: string, stored: string, expected: string][] = [
  ["eu-central-1-KMS-Requests", "us-east-1", "eu-central-1"],
  ["ap-southeast-1-KMS-Requests-Asymmetric", "us-east-1", "ap-southeast-1"],
  ["us-gov-west-1-KMS-Keys", "us-east-1", "us-gov-west-1"],
  ["us-east-1-KMS-Keys", "us-east-1", "us-east-1"],
  ["EUC1-KMS-Requests", "eu-central-1", "eu-central-1"], // a billing code was read right already
  ["APS3-KMS-Keys", "us-east-1", "ap-south-1"], // APS3 is Mumbai, not ap-southeast-3
  ["ZZZ9-KMS-Requests", "us-east-1", "unknown"], // a code no table knows: never guessed
  ["KMS-Requests", "us-east-1", "us-east-1"], // no prefix: the billing convention
];

let scratch: DatabaseBefore;
let db: Db;

beforeAll(async () => {
  scratch = await databaseBefore(UPGRADE, "kmsfinops_upgrade");
  db = createDb(scratch.url, 2);
  for (const [i, [usageType, stored]] of ROWS.entries()) {
    await db.$executeRawUnsafe(
      `INSERT INTO kms_cost_daily (day, account_id, business_unit, cost_center, usage_type, region, category, unblended_cost, usage_quantity)
       VALUES ('2026-03-01', '111122223333', 'payments', '', $1, $2, $3::"CostCategory", $4, 10)`,
      usageType, stored, usageType.includes("Keys") ? "KEYS" : "REQUESTS", (i + 1) / 100,
    );
  }
  await scratch.migrateRest();
});

afterAll(async () => {
  await db?.$disconnect();
  await scratch?.drop();
});

describe(`migration ${UPGRADE}`, () => {
  const stored = () =>
    db.kmsCostDaily.findMany({ orderBy: { unblendedCost: "asc" }, select: { usageType: true, region: true, category: true, unblendedCost: true } });

  it("re-derives each row's region from its usage type", async () => {
    expect((await stored()).map((r) => [r.usageType, r.region])).toEqual(ROWS.map(([usageType, , expected]) => [usageType, expected]));
  });

  it("gives the region the collector now reads, and leaves costs and categories as they were", async () => {
    const rows = await stored();
    expect(rows.map((r) => r.region)).toEqual(rows.map((r) => regionFromUsageType(r.usageType)));
    expect(rows.map((r) => [r.category, Number(r.unblendedCost)])).toEqual(
      ROWS.map(([usageType], i) => [usageType.includes("Keys") ? "KEYS" : "REQUESTS", (i + 1) / 100]),
    );
  });
});
