// A synthetic organization's inventory history for the storage benchmark: `resources` storage
// resources and `keys` CMKs that all exist on day 0, of which about `changeRate` change each day
// (a resize, a retag, a re-encryption, a key rotation flag...). Seeded: the 1-day and the 365-day
// datasets hold the same organization, the second with a year of changes on top.
import type { KmsKeyRecord, StorageResourceRecord, StorageService } from "@/lib/domain/records";
import { addDays } from "@/lib/domain/days";
import type { VersionedKey, VersionedResource } from "@/lib/store/types";

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SERVICES: StorageService[] = ["EBS", "EBS", "EBS", "EBS", "S3", "RDS", "AURORA"];
const BUS = ["payments", "identity", "data-platform", "marketing", "logistics", "ml-research", "risk", "billing"];

function account(i: number): string {
  return String(100000000000 + (i % 50) * 7919).padStart(12, "0");
}

function keyRecord(i: number, rotation: boolean, day0: string): KmsKeyRecord {
  const acct = account(i);
  const keyId = `${(0x10000000 + i).toString(16)}-bench-4a1e-9c3b-${String(i).padStart(12, "0")}`;
  return {
    keyArn: `arn:aws:kms:us-east-1:${acct}:key/${keyId}`, accountId: acct, region: "us-east-1", keyId,
    keyManager: "CUSTOMER", keyState: "Enabled", keySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", origin: "AWS_KMS",
    multiRegion: false, multiRegionRole: null, primaryKeyArn: null, creationDate: new Date(`${day0}T00:00:00Z`), deletionDate: null,
    pendingWindowDays: null, description: `data key ${i}`, aliases: [`alias/prod-${BUS[i % BUS.length]}-${i}`],
    tags: { "business-unit": BUS[i % BUS.length]!, env: "prod", owner: `team-${i % 40}`, "cost-center": `cc-${i % 25}` },
    policy: { Version: "2012-10-17", Statement: [{ Sid: "root", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${acct}:root` }, Action: "kms:*", Resource: "*" }] },
    policyError: null, rotationEnabled: rotation, rotationPeriodDays: rotation ? 365 : null, rotationCount: 0, lastRotatedAt: null,
    nextRotationDate: rotation ? new Date(new Date(`${day0}T00:00:00Z`).getTime() + 365 * 86_400_000) : null,
  };
}

function resourceRecord(i: number, keys: number, change: number): StorageResourceRecord {
  const acct = account(i);
  const service = SERVICES[i % SERVICES.length]!;
  const name = service === "S3" ? `bench-bucket-${i}` : service === "EBS" ? `vol-${(0x1000000 + i).toString(16)}` : `db-${i}`;
  const arn = service === "S3" ? `arn:aws:s3:::${name}` : service === "EBS" ? `arn:aws:ec2:us-east-1:${acct}:volume/${name}` : `arn:aws:rds:us-east-1:${acct}:db:${name}`;
  // Each change moves one attribute: mostly a resize, sometimes a retag or a re-encryption.
  const cmk = (i + (change % 5 === 3 ? change : 0)) % 3 !== 0;
  const keyId = `${(0x10000000 + (i % keys)).toString(16)}-bench-4a1e-9c3b-${String(i % keys).padStart(12, "0")}`;
  const keyArn = cmk ? `arn:aws:kms:us-east-1:${account(i % keys)}:key/${keyId}` : null;
  return {
    resourceArn: arn, accountId: acct, region: "us-east-1", service, name,
    sizeBytes: service === "S3" ? null : BigInt((8 + (i % 500) + change * 10) * 2 ** 30),
    encryptionClass: cmk ? "CUSTOMER_KMS" : service === "S3" ? "SSE_S3" : "AWS_MANAGED_KMS",
    sseAlgorithm: service === "S3" ? (cmk ? "aws:kms" : "AES256") : null,
    keyRef: keyArn, keyArn, bucketKeyEnabled: service === "S3" ? cmk : null,
    tags: { "business-unit": BUS[(i + (change % 5 === 1 ? change : 0)) % BUS.length]!, env: i % 3 ? "prod" : "dev", owner: `team-${(i + (service === "S3" ? change : 0)) % 40}`, application: `app-${i % 300}`, classification: i % 4 ? "internal" : "confidential" },
  };
}

/** Change days per entity: each day, `rate` of the entities (drawn at random) change. */
function changeDays(count: number, days: number, rate: number, rand: () => number): number[][] {
  const perEntity: number[][] = Array.from({ length: count }, () => []);
  for (let d = 1; d < days; d++) {
    // Carries fractions over days: 40 entities at 1% still make ~0.4 changes a day, not zero.
    const perDay = Math.floor(d * count * rate) - Math.floor((d - 1) * count * rate);
    const seen = new Set<number>();
    while (seen.size < perDay) seen.add(Math.floor(rand() * count));
    for (const e of seen) perEntity[e]!.push(d);
  }
  return perEntity;
}

export interface HistoryOrg {
  keys: VersionedKey[];
  resources: VersionedResource[];
}

export function historyOrg(opts: { resources: number; keys: number; days: number; changeRate: number; day0: string; seed?: number }): HistoryOrg {
  const rand = mulberry32(opts.seed ?? 7);
  const keys: VersionedKey[] = [];
  for (const [i, changes] of changeDays(opts.keys, opts.days, opts.changeRate, rand).entries()) {
    const starts = [0, ...changes];
    starts.forEach((d, n) => keys.push({ record: keyRecord(i, n % 2 === 0, opts.day0), validFrom: addDays(opts.day0, d), validTo: n + 1 < starts.length ? addDays(opts.day0, starts[n + 1]!) : null }));
  }
  const resources: VersionedResource[] = [];
  for (const [i, changes] of changeDays(opts.resources, opts.days, opts.changeRate, rand).entries()) {
    const starts = [0, ...changes];
    starts.forEach((d, n) => {
      const record = resourceRecord(i, opts.keys, n);
      resources.push({ record, validFrom: addDays(opts.day0, d), validTo: n + 1 < starts.length ? addDays(opts.day0, starts[n + 1]!) : null, keyState: record.keyArn ? "Enabled" : null });
    });
  }
  return { keys, resources };
}
