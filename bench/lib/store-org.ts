// Normalized records of one account-region for the store benchmark, in the mix of the ingestion
// benchmark (bench/lib/large-org.ts): 2% S3 buckets, 88% EBS volumes, 8% RDS instances, 2% Aurora
// clusters; half tagged, a third of the tagged ones prod; a quarter of the volumes unencrypted, a
// quarter on the AWS managed key, a fifth of the instances unencrypted. Prod resources must use a
// CMK (DOMAIN.md §6 defaults), so about one version in twelve is non-compliant and also enters the
// partial indexes of current non-compliant rows, as in a real estate. Keys carry a console-style
// key policy of four statements.
import type { EncryptionClass, InventorySnapshot, StorageResourceRecord, StorageService } from "@/lib/domain/records";
import { cmk, volume } from "@/tests/fixtures/records";
import { BENCH_ACCOUNT, resourceMix } from "./large-org";

export interface StoreOrgOptions {
  region: string;
  keys: number;
  resources: number;
  /** Every n-th resource gets a changed tag (a new version the next day); null: none. */
  changedEvery: number | null;
}

export function storeSnapshot({ region, keys, resources, changedEvery }: StoreOrgOptions): InventorySnapshot {
  const keyArn = (i: number) => `arn:aws:kms:${region}:${BENCH_ACCOUNT}:key/bench-key-${i % keys}`;
  const keyRecords = Array.from({ length: keys }, (_, i) => {
    const base = cmk(`bench-key-${i}`, { tags: { "business-unit": `bu-${i % 7}`, owner: "team", "cost-center": "cc1" }, policy: keyPolicy(i) });
    return { ...base, keyArn: keyArn(i), accountId: BENCH_ACCOUNT, region };
  });
  const mix = resourceMix(resources);
  const services: [StorageService, number, string][] = [
    ["S3", mix.buckets, `bucket-${region}`], // bucket ARNs have no region: the name must differ per region
    ["EBS", mix.volumes, "vol"],
    ["RDS", mix.dbInstances, "db"],
    ["AURORA", mix.dbClusters, "aurora"],
  ];
  const records: StorageResourceRecord[] = [];
  for (const [service, count, prefix] of services) {
    for (let i = 0; i < count; i++) {
      const changed = changedEvery !== null && records.length % changedEvery === 0;
      const tags: Record<string, string> = i % 2 === 0 ? { "business-unit": `bu-${i % 7}`, env: i % 3 === 0 ? "prod" : "dev" } : {};
      if (changed) tags.reviewed = "yes";
      records.push(resource(service, `${prefix}-${i}`, i, region, tags, keyArn));
    }
  }
  return { accountId: BENCH_ACCOUNT, region, keys: keyRecords, keyUsage: [], resources: records, warnings: [] };
}

function resource(service: StorageService, name: string, i: number, region: string, tags: Record<string, string>, keyArn: (i: number) => string): StorageResourceRecord {
  const encryptionClass: EncryptionClass =
    service === "S3" ? (i % 3 === 0 ? "SSE_S3" : "CUSTOMER_KMS")
    : service === "EBS" ? (i % 4 === 0 ? "NONE" : i % 4 === 1 ? "AWS_MANAGED_KMS" : "CUSTOMER_KMS")
    : service === "RDS" && i % 5 === 0 ? "NONE"
    : "CUSTOMER_KMS";
  const key = encryptionClass === "CUSTOMER_KMS" ? keyArn(i) : null;
  const arn =
    service === "S3" ? `arn:aws:s3:::${name}`
    : service === "EBS" ? `arn:aws:ec2:${region}:${BENCH_ACCOUNT}:volume/${name}`
    : `arn:aws:rds:${region}:${BENCH_ACCOUNT}:${service === "RDS" ? "db" : "cluster"}:${name}`;
  return volume(name, {
    resourceArn: arn,
    accountId: BENCH_ACCOUNT,
    region,
    service,
    sizeBytes: service === "S3" ? null : BigInt(8 + (i % 500)) * 1024n ** 3n,
    encryptionClass,
    sseAlgorithm: service === "S3" ? (encryptionClass === "SSE_S3" ? "AES256" : "aws:kms") : null,
    keyRef: key,
    keyArn: key,
    bucketKeyEnabled: service === "S3" && encryptionClass === "CUSTOMER_KMS" ? i % 2 === 0 : null,
    tags,
  });
}

/** The shape of the policy the console writes for a key with administrators and users (~1 kB). */
function keyPolicy(i: number) {
  const role = (name: string) => `arn:aws:iam::${BENCH_ACCOUNT}:role/${name}`;
  return {
    Version: "2012-10-17",
    Id: "key-consolepolicy-3",
    Statement: [
      { Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${BENCH_ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
      { Sid: "Allow access for Key Administrators", Effect: "Allow", Principal: { AWS: role("platform-admin") }, Action: ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"], Resource: "*" },
      { Sid: "Allow use of the key", Effect: "Allow", Principal: { AWS: [role(`app-${i % 50}`), role("ci")] }, Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"], Resource: "*" },
      { Sid: "Allow attachment of persistent resources", Effect: "Allow", Principal: { AWS: role(`app-${i % 50}`) }, Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"], Resource: "*", Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } } },
    ],
  };
}
