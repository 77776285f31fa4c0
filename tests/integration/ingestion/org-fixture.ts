// A small organization, small enough to count by hand: 3 accounts (the management account has
// no resources), 2 enabled regions (+1 not opted in), 8 keys, 15 storage resources, and KMS
// costs on the two days before "today". Expected figures are written next to the data.
import type { OrgFixture } from "@/tests/aws-endpoint/fixture";

export const MGMT = "111111111111";
export const PAYMENTS = "222222222222";
export const ANALYTICS = "333333333333";

const daysBefore = (today: Date, n: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - n)).toISOString().slice(0, 10);

export function smallOrg(today = new Date()): OrgFixture {
  const d1 = daysBefore(today, 2);
  const d2 = daysBefore(today, 1);
  return {
    managementAccountId: MGMT,
    regions: ["eu-west-1", "us-east-1"],
    optOutRegions: ["ap-east-1"],
    accounts: [
      { id: MGMT, name: "management", ou: "Core", regions: {} },
      {
        id: PAYMENTS,
        name: "payments-prod",
        ou: "Workloads",
        regions: {
          "us-east-1": {
            keys: [
              { keyId: "k-pay-db", aliases: ["alias/prod-payments-db"], tags: { "business-unit": "payments" }, rotationEnabled: true, rotations: ["2025-01-15T00:00:00Z", "2026-01-15T00:00:00Z"], nextRotation: "2027-01-15T00:00:00Z", lastUsedAt: "2026-03-01T10:00:00Z" },
              { keyId: "k-pay-s3", aliases: ["alias/prod-payments-s3"], tags: { "business-unit": "payments" }, rotationEnabled: false },
              { keyId: "aws-ebs-1", manager: "AWS", aliases: ["alias/aws/ebs"] },
              { keyId: "aws-s3-1", manager: "AWS", aliases: ["alias/aws/s3"] },
              { keyId: "aws-rds-1", manager: "AWS", aliases: ["alias/aws/rds"] },
            ],
            buckets: [
              { name: "pay-receipts", encryption: { algorithm: "aws:kms", keyRef: "alias/prod-payments-s3" }, tags: { "business-unit": "payments" } }, // alias name → k-pay-s3
              { name: "pay-archive", encryption: { algorithm: "aws:kms", keyRef: `arn:aws:kms:us-east-1:${PAYMENTS}:alias/prod-payments-db`, bucketKey: true } }, // alias ARN → k-pay-db
              { name: "pay-reports", encryption: { algorithm: "aws:kms", keyRef: "k-pay-db" } }, // bare key id → k-pay-db
              { name: "pay-exports", encryption: { algorithm: "aws:kms" } }, // no key: aws/s3
              { name: "pay-logs", encryption: { algorithm: "AES256" } },
              { name: "pay-legacy", encryption: null },
            ],
            volumes: [
              { id: "vol-a", sizeGiB: 100, encrypted: true }, // aws/ebs
              { id: "vol-b", sizeGiB: 50, encrypted: true, keyRef: "k-pay-db", tags: { "business-unit": "payments" } },
              { id: "vol-c", sizeGiB: 20, encrypted: false },
            ],
            dbInstances: [
              { id: "pay-db", engine: "postgres", sizeGiB: 200, encrypted: true, keyRef: "k-pay-db" },
              { id: "pay-aurora-1", engine: "aurora-postgresql", sizeGiB: 1, encrypted: true, clusterId: "pay-aurora" }, // part of the cluster
            ],
            dbClusters: [{ id: "pay-aurora", engine: "aurora-postgresql", encrypted: true }], // aws/rds
          },
          "eu-west-1": {
            keys: [{ keyId: "k-pay-eu", aliases: ["alias/prod-payments-eu"], tags: { "business-unit": "payments" }, rotationEnabled: true }],
            buckets: [{ name: "pay-eu-data", encryption: { algorithm: "aws:kms", keyRef: `arn:aws:kms:eu-west-1:${PAYMENTS}:key/k-pay-eu` } }],
          },
        },
      },
      {
        id: ANALYTICS,
        name: "analytics",
        ou: "Data",
        regions: {
          "us-east-1": {
            keys: [
              { keyId: "k-an", aliases: ["alias/dev-analytics-lake"], tags: { "business-unit": "analytics" }, rotationEnabled: true },
              { keyId: "aws-s3-3", manager: "AWS", aliases: ["alias/aws/s3"] },
            ],
            buckets: [
              { name: "an-lake", encryption: { algorithm: "aws:kms", keyRef: "alias/dev-analytics-lake" } },
              { name: "an-tmp", encryption: { algorithm: "AES256" } },
            ],
            volumes: [{ id: "vol-an", sizeGiB: 500, encrypted: false }],
          },
        },
      },
    ],
    // KMS usage types as Cost Explorer returns them: the region id, not a billing code (DOMAIN.md §3).
    costs: [
      { day: d1, accountId: PAYMENTS, usageType: "us-east-1-KMS-Keys", businessUnit: "payments", cost: 0.2, quantity: 6 },
      { day: d1, accountId: PAYMENTS, usageType: "us-east-1-KMS-Requests", businessUnit: "payments", cost: 0.09, quantity: 30_000 },
      { day: d1, accountId: ANALYTICS, usageType: "us-east-1-KMS-Keys", businessUnit: "", cost: 0.0333, quantity: 1 },
      { day: d2, accountId: PAYMENTS, usageType: "us-east-1-KMS-Keys", businessUnit: "payments", cost: 0.2, quantity: 6 },
      { day: d2, accountId: PAYMENTS, usageType: "eu-west-1-KMS-Keys", businessUnit: "payments", cost: 0.0333, quantity: 1 },
      { day: d2, accountId: ANALYTICS, usageType: "us-east-1-KMS-Keys", businessUnit: "analytics", cost: 0.0333, quantity: 1 },
      { day: d2, accountId: ANALYTICS, usageType: "us-east-1-KMS-Requests", businessUnit: "", cost: 0.012, quantity: 4_000 },
    ],
    keyRequests: [
      { day: d1, keyArn: `arn:aws:kms:us-east-1:${PAYMENTS}:key/k-pay-s3`, usageType: "us-east-1-KMS-Requests", requests: 20_000, cost: 0.06 },
      { day: d2, keyArn: `arn:aws:kms:us-east-1:${PAYMENTS}:key/k-pay-s3`, usageType: "us-east-1-KMS-Requests", requests: 10_000, cost: 0.03 },
    ],
  };
}

/** Hand counts of the organization above. */
export const EXPECTED = {
  inventoryUnits: 6, // 3 accounts × 2 regions
  keys: 8,
  resources: 15,
  byClass: { CUSTOMER_KMS: 7, SSE_S3: 3, AWS_MANAGED_KMS: 3, NONE: 2 }, // pay-legacy (no SSE configuration) is SSE-S3
  costByBu: { payments: 0.5233, analytics: 0.0333, "": 0.0453 },
  // Read from the usage types' region ids: 0.2 + 0.09 + 0.0333 + 0.2 + 0.0333 + 0.012, and 0.0333.
  costByRegion: { "us-east-1": 0.5686, "eu-west-1": 0.0333 },
} as const;
