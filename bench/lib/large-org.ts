// One account-region of a given size for the benchmarks: customer managed keys and a mix of
// storage resources (S3 buckets, EBS volumes, RDS instances, Aurora clusters), half of them tagged.
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

export function largeOrg(keys: number, resources: number): { org: OrgFixture; mix: ResourceMix } {
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
      name: `bench-bucket-${i}`,
      encryption: i % 3 === 0 ? { algorithm: "AES256" as const } : { algorithm: "aws:kms" as const, keyRef: `alias/prod-app${i % keys}-data` },
      tags: tags(i),
    })),
    volumes: Array.from({ length: mix.volumes }, (_, i) => ({ id: `vol-${i}`, sizeGiB: 8 + (i % 500), encrypted: i % 4 !== 0, keyRef: i % 2 ? keyId(i % keys) : undefined, tags: tags(i) })),
    dbInstances: Array.from({ length: mix.dbInstances }, (_, i) => ({ id: `db-${i}`, engine: "postgres", sizeGiB: 100, encrypted: i % 5 !== 0, keyRef: keyId(i % keys), tags: tags(i) })),
    dbClusters: Array.from({ length: mix.dbClusters }, (_, i) => ({ id: `aurora-${i}`, engine: "aurora-mysql", encrypted: true, keyRef: keyId(i % keys), tags: tags(i) })),
  };
  const org: OrgFixture = {
    managementAccountId: BENCH_ACCOUNT,
    regions: [BENCH_REGION],
    accounts: [{ id: BENCH_ACCOUNT, name: "bench", ou: "Bench", regions: { [BENCH_REGION]: region } }],
    costs: [],
    keyRequests: "unavailable",
  };
  return { org, mix };
}
