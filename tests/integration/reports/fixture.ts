// A small hand-made organization for the digest tests: business unit "payments" (what the digest
// is about) and "search" (must never leak into it). Figures the tests expect, computed by hand:
//   coverage 2026-11-30: 7 of 10 = 70.0 % by count, 650 of 1000 bytes = 65.0 % by storage
//   coverage 2026-11-23: 5 of 10 = 50.0 %,          400 of 1000 bytes = 40.0 %  → +20.0 / +25.0 pts
//   non-compliant now: pay-logs (SSE_S3 since 2026-11-01: 29 days), pay-vol (UNENCRYPTED since 2026-11-20: 10 days)
//   findings first seen 2026-11-24 … 2026-11-30 on payments keys: PUBLIC_POLICY (11-27), ROTATION_DISABLED (11-24) = 2
//     (MISSING_TAGS 11-01 and ALIAS_CONVENTION 11-23 are older; search's PUBLIC_POLICY is another BU)
//   cost month to date 2026-12-01 … 12-03: 1.00 + 0.25 = 1.25; same days of November 11-01 … 11-03: 1.00 + 0.05 = 1.05
//     (November 4th's 9.99 is outside the same days) → +0.20, +19.0 %
import type { Db } from "@/lib/db/client";
import { recomputeCostMonthly } from "@/lib/rollups/costs";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const zeroNc = { ncUnencrypted: 0, ncSseS3: 0, ncAwsManagedKey: 0, ncKeyUnusable: 0, ncUnknownKey: 0 };
const ACCOUNT = "111122223333";
export const KEY_PAY = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/11111111-1111-4111-8111-111111111111`;
export const KEY_PAY_2 = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/22222222-2222-4222-8222-222222222222`;
export const KEY_SEARCH = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/33333333-3333-4333-8333-333333333333`;

function resource(name: string, businessUnit: string, reason: "SSE_S3" | "UNENCRYPTED" | null, since: string | null) {
  return {
    resourceArn: `arn:aws:s3:::${name}`, accountId: ACCOUNT, region: "eu-west-1", service: "S3" as const, name, validFrom: day(since ?? "2026-10-01"), contentHash: name,
    sizeBytes: 100n, encryptionClass: reason === "UNENCRYPTED" ? ("NONE" as const) : reason ? ("SSE_S3" as const) : ("CUSTOMER_KMS" as const),
    businessUnit, requiresCmk: true, nonCompliantReason: reason, nonCompliantSince: since ? day(since) : null,
  };
}

function key(keyArn: string, businessUnit: string, alias: string) {
  return {
    keyArn, accountId: ACCOUNT, region: "eu-west-1", keyId: keyArn.split("/")[1]!, validFrom: day("2026-10-01"), contentHash: keyArn, keyManager: "CUSTOMER" as const, keyState: "Enabled",
    keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", origin: "AWS_KMS", multiRegion: false, creationDate: day("2026-10-01"), aliases: [alias], businessUnit,
  };
}

function cost(d: string, businessUnit: string, category: "KEYS" | "REQUESTS", amount: number) {
  return { day: day(d), accountId: ACCOUNT, businessUnit, costCenter: "", usageType: `eu-west-1-KMS-${category === "KEYS" ? "Keys" : "Requests"}`, region: "eu-west-1", category, unblendedCost: amount, usageQuantity: 1 };
}

export async function loadDigestFixture(db: Db): Promise<void> {
  await db.coverageBuDaily.createMany({
    data: [
      { day: day("2026-11-23"), businessUnit: "payments", resources: 10, cmkResources: 5, sizedResources: 10, totalBytes: 1000n, cmkBytes: 400n, ...zeroNc, ncSseS3: 3, ncUnencrypted: 1 },
      { day: day("2026-11-30"), businessUnit: "payments", resources: 10, cmkResources: 7, sizedResources: 10, totalBytes: 1000n, cmkBytes: 650n, ...zeroNc, ncSseS3: 1, ncUnencrypted: 1 },
      { day: day("2026-11-30"), businessUnit: "search", resources: 4, cmkResources: 0, sizedResources: 4, totalBytes: 400n, cmkBytes: 0n, ...zeroNc, ncSseS3: 4 },
    ],
  });
  await db.storageResourceVersion.createMany({
    data: [resource("pay-logs", "payments", "SSE_S3", "2026-11-01"), resource("pay-vol", "payments", "UNENCRYPTED", "2026-11-20"), resource("pay-ok", "payments", null, null), resource("search-idx", "search", "SSE_S3", "2026-10-15")],
  });
  await db.kmsKeyVersion.createMany({ data: [key(KEY_PAY, "payments", "alias/prod-payments-db"), key(KEY_PAY_2, "payments", "alias/prod-payments-logs"), key(KEY_SEARCH, "search", "alias/prod-search-idx")] });
  await db.keyFinding.createMany({
    data: [
      { keyArn: KEY_PAY, code: "PUBLIC_POLICY", severity: "critical", firstSeen: day("2026-11-27") },
      { keyArn: KEY_PAY, code: "ROTATION_DISABLED", severity: "medium", firstSeen: day("2026-11-24") },
      { keyArn: KEY_PAY_2, code: "MISSING_TAGS", severity: "low", firstSeen: day("2026-11-01") },
      { keyArn: KEY_PAY_2, code: "ALIAS_CONVENTION", severity: "low", firstSeen: day("2026-11-23") },
      { keyArn: KEY_SEARCH, code: "PUBLIC_POLICY", severity: "critical", firstSeen: day("2026-11-29") },
    ],
  });
  await db.kmsCostDaily.createMany({
    data: [
      cost("2026-12-01", "payments", "KEYS", 1), cost("2026-12-03", "payments", "REQUESTS", 0.25), cost("2026-12-02", "search", "KEYS", 5),
      cost("2026-11-02", "payments", "KEYS", 1), cost("2026-11-03", "payments", "REQUESTS", 0.05), cost("2026-11-04", "payments", "REQUESTS", 9.99),
    ],
  });
  // As the rollup step after an ingestion does: the overview's cost tiles and chart read the monthly sums.
  await recomputeCostMonthly(db, "2026-11-01", "2026-12-31");
}
