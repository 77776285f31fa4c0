// One account-region of a given size for the benchmarks: customer managed keys and a mix of
// storage resources (S3 buckets, EBS volumes, RDS instances, Aurora clusters), half of them tagged.
import { API_QUOTAS_RPS, DEFAULT_RPS } from "@/jobs/aws/pacing";
import type { FixtureRegion, OrgFixture } from "@/tests/aws-endpoint/fixture";

export const BENCH_ACCOUNT = "999999999999";
export const BENCH_REGION = "us-east-1";

export interface ResourceMix {
  buckets: number;
  volumes: number;
  dbInstances: number;
  dbClusters: number;
}

/** 2% buckets (each costs a GetBucketEncryption call), 88% volumes, 8% instances, 2% clusters. */
export function resourceMix(total: number): ResourceMix {
  const buckets = Math.round(total * 0.02);
  const dbInstances = Math.round(total * 0.08);
  const dbClusters = Math.round(total * 0.02);
  return { buckets, dbInstances, dbClusters, volumes: total - buckets - dbInstances - dbClusters };
}

export interface ApiBound {
  api: string;
  calls: number;
  rps: number;
  seconds: number;
}

/**
 * The calls per API one account-region of this size needs, and the seconds each takes at its
 * quota (no published quota: the pacer's default rate is the limit we hold ourselves to). Keys
 * and resources are listed concurrently, every API on its own quota: the slowest API (`binding`)
 * is the least time the unit can take, its quota floor.
 */
export function quotaFloor(keys: number, resources: number): { apis: ApiBound[]; binding: ApiBound } {
  const mix = resourceMix(resources);
  const tagged = Math.ceil(resources / 2);
  const calls: Record<string, number> = {
    "kms:GetKeyLastUsage": keys,
    "kms:DescribeKey": keys + 1,
    "kms:ListKeyRotations": keys,
    "tagging:GetResources": Math.ceil(tagged / 100),
    "s3:GetBucketEncryption": mix.buckets,
    "ec2:DescribeVolumes": Math.ceil(mix.volumes / 500),
    "rds:DescribeDBInstances": Math.ceil(mix.dbInstances / 100),
  };
  const apis = Object.entries(calls).map(([api, n]) => ({ api, calls: n, rps: API_QUOTAS_RPS[api] ?? DEFAULT_RPS, seconds: n / (API_QUOTAS_RPS[api] ?? DEFAULT_RPS) }));
  return { apis, binding: apis.reduce((a, b) => (b.seconds > a.seconds ? b : a)) };
}

/**
 * One account-region's keys and resources. Key and volume ids need only be unique within it (their
 * ARNs name the account and region); bucket names are global, so several account-regions give
 * each its own `bucketPrefix`.
 */
export function benchRegion(keys: number, resources: number, bucketPrefix = ""): FixtureRegion {
  const mix = resourceMix(resources);
  const keyId = (i: number) => `bench-key-${String(i).padStart(6, "0")}`;
  const tags = (i: number) => (i % 2 === 0 ? { "business-unit": `bu-${i % 7}`, env: i % 3 === 0 ? "prod" : "dev" } : undefined);
  const region: FixtureRegion = {
    keys: [
      { keyId: "aws-ebs", manager: "AWS", aliases: ["alias/aws/ebs"] },
      ...Array.from({ length: keys }, (_, i) => ({
        keyId: keyId(i),
        aliases: [`alias/prod-app${i}-data`],
        tags: { "business-unit": `bu-${i % 7}`, owner: "team", "cost-center": "cc1" },
        rotationEnabled: i % 4 !== 0,
        lastUsedAt: i % 5 === 0 ? null : "2026-01-01T00:00:00Z",
      })),
    ],
    buckets: Array.from({ length: mix.buckets }, (_, i) => ({
      name: `${bucketPrefix}bench-bucket-${i}`,
      encryption: i % 3 === 0 ? { algorithm: "AES256" as const } : { algorithm: "aws:kms" as const, keyRef: `alias/prod-app${i % keys}-data` },
      tags: tags(i),
    })),
    volumes: Array.from({ length: mix.volumes }, (_, i) => ({ id: `vol-${i}`, sizeGiB: 8 + (i % 500), encrypted: i % 4 !== 0, keyRef: i % 2 ? keyId(i % keys) : undefined, tags: tags(i) })),
    dbInstances: Array.from({ length: mix.dbInstances }, (_, i) => ({ id: `db-${i}`, engine: "postgres", sizeGiB: 100, encrypted: i % 5 !== 0, keyRef: keyId(i % keys), tags: tags(i) })),
    dbClusters: Array.from({ length: mix.dbClusters }, (_, i) => ({ id: `aurora-${i}`, engine: "aurora-mysql", encrypted: true, keyRef: keyId(i % keys), tags: tags(i) })),
  };
  return region;
}

export function largeOrg(keys: number, resources: number): { org: OrgFixture; mix: ResourceMix } {
  const mix = resourceMix(resources);
  const region = benchRegion(keys, resources);
  const org: OrgFixture = {
    managementAccountId: BENCH_ACCOUNT,
    regions: [BENCH_REGION],
    accounts: [{ id: BENCH_ACCOUNT, name: "bench", ou: "Bench", regions: { [BENCH_REGION]: region } }],
    costs: [],
    keyRequests: "unavailable",
  };
  return { org, mix };
}
