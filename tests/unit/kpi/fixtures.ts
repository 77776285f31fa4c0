// Small record factories: a well-kept CMK and an S3 bucket, overridden per test.
import type { KmsKeyRecord, StorageResourceRecord } from "@/lib/domain/records";

export const ACCOUNT = "111122223333";
export const OTHER_ACCOUNT = "444455556666";

export const rootPolicy = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
  ],
};

export function cmk(overrides: Partial<KmsKeyRecord> = {}): KmsKeyRecord {
  return {
    keyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1111aaaa-0000-0000-0000-000000000001`,
    accountId: ACCOUNT,
    region: "us-east-1",
    keyId: "1111aaaa-0000-0000-0000-000000000001",
    keyManager: "CUSTOMER",
    keyState: "Enabled",
    keySpec: "SYMMETRIC_DEFAULT",
    keyUsage: "ENCRYPT_DECRYPT",
    origin: "AWS_KMS",
    multiRegion: false,
    multiRegionRole: null,
    primaryKeyArn: null,
    creationDate: new Date("2024-01-10T08:00:00Z"),
    deletionDate: null,
    pendingWindowDays: null,
    description: "payments database",
    aliases: ["alias/prod-payments-db"],
    tags: { owner: "alice", "cost-center": "cc-42", "business-unit": "payments" },
    policy: rootPolicy,
    policyError: null,
    rotationEnabled: true,
    rotationPeriodDays: 365,
    rotationCount: 1,
    lastRotatedAt: new Date("2025-01-10T08:00:00Z"),
    nextRotationDate: new Date("2026-01-10T08:00:00Z"),
    ...overrides,
  };
}

export function bucket(name: string, overrides: Partial<StorageResourceRecord> = {}): StorageResourceRecord {
  return {
    resourceArn: `arn:aws:s3:::${name}`,
    accountId: ACCOUNT,
    region: "us-east-1",
    service: "S3",
    name,
    sizeBytes: null,
    encryptionClass: "CUSTOMER_KMS",
    sseAlgorithm: "aws:kms",
    keyRef: null,
    keyArn: null,
    bucketKeyEnabled: false,
    tags: {},
    ...overrides,
  };
}
