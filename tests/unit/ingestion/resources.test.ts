import { beforeEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import { GetBucketEncryptionCommand, GetBucketLocationCommand, ListBucketsCommand, S3Client, type ServerSideEncryption } from "@aws-sdk/client-s3";
import { DescribeVolumesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeDBClustersCommand, DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from "@aws-sdk/client-resource-groups-tagging-api";
import { collectResources } from "@/jobs/collectors/resources";
import type { KmsKeyRecord } from "@/lib/domain/records";

const s3 = mockClient(S3Client);
const ec2 = mockClient(EC2Client);
const rds = mockClient(RDSClient);
const tagging = mockClient(ResourceGroupsTaggingAPIClient);
const clients = { s3: new S3Client({}), ec2: new EC2Client({}), rds: new RDSClient({}), tagging: new ResourceGroupsTaggingAPIClient({}) };

const unit = { accountId: "111122223333", region: "eu-west-1" };
const keyArn = (id: string, account = "111122223333") => `arn:aws:kms:eu-west-1:${account}:key/${id}`;
const key = (keyId: string, keyManager: "CUSTOMER" | "AWS", aliases: string[]) => ({ keyArn: keyArn(keyId), keyId, keyManager, aliases }) as KmsKeyRecord;
const keys = [key("cmk-1", "CUSTOMER", ["alias/prod-data"]), key("s3-managed", "AWS", ["alias/aws/s3"])];
const awsError = (name: string) => Object.assign(new Error(name), { name });

// bucket → [SSEAlgorithm, KMSMasterKeyID, expected class, expected key ARN]
const kmsBuckets: Array<[string, string, string | undefined, string, string | null]> = [
  ["b-key-id", "aws:kms", "cmk-1", "CUSTOMER_KMS", keyArn("cmk-1")],
  ["b-key-arn", "aws:kms", keyArn("cmk-1"), "CUSTOMER_KMS", keyArn("cmk-1")],
  ["b-alias", "aws:kms", "alias/prod-data", "CUSTOMER_KMS", keyArn("cmk-1")],
  ["b-alias-arn", "aws:kms", "arn:aws:kms:eu-west-1:111122223333:alias/prod-data", "CUSTOMER_KMS", keyArn("cmk-1")],
  ["b-absent", "aws:kms", undefined, "AWS_MANAGED_KMS", keyArn("s3-managed")],
  ["b-aws-alias", "aws:kms:dsse", "alias/aws/s3", "AWS_MANAGED_KMS", keyArn("s3-managed")],
  ["b-cross-account", "aws:kms", keyArn("abc", "999988887777"), "CUSTOMER_KMS", keyArn("abc", "999988887777")],
  ["b-unknown-alias", "aws:kms", "alias/gone", "UNKNOWN", null],
  // Another account's alias cannot be resolved here, but only a CMK is usable across accounts.
  ["b-cross-alias", "aws:kms", "arn:aws:kms:eu-west-1:999988887777:alias/shared", "CUSTOMER_KMS", null],
];

beforeEach(() => {
  for (const mock of [s3, ec2, rds, tagging]) mock.reset();
  s3.on(ListBucketsCommand)
    .resolvesOnce({
      Buckets: [...kmsBuckets.slice(0, 4).map(([Name]) => ({ Name, BucketRegion: "eu-west-1" })), { Name: "b-us", BucketRegion: "us-east-1" }],
      ContinuationToken: "c2",
    })
    .resolvesOnce({
      Buckets: [
        ...kmsBuckets.slice(4).map(([Name]) => ({ Name, BucketRegion: "eu-west-1" })),
        { Name: "b-sse-s3", BucketRegion: "eu-west-1" },
        { Name: "b-old", BucketRegion: "eu-west-1" },
        { Name: "b-no-region" }, // endpoint without BucketRegion: GetBucketLocation decides
        { Name: "b-no-region-us" },
      ],
    });
  s3.on(GetBucketLocationCommand, { Bucket: "b-no-region" }).resolves({ LocationConstraint: "EU" });
  s3.on(GetBucketLocationCommand, { Bucket: "b-no-region-us" }).resolves({});
  for (const [Bucket, SSEAlgorithm, KMSMasterKeyID] of kmsBuckets) {
    s3.on(GetBucketEncryptionCommand, { Bucket }).resolves({
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: SSEAlgorithm as ServerSideEncryption, KMSMasterKeyID }, BucketKeyEnabled: Bucket === "b-absent" }] },
    });
  }
  for (const Bucket of ["b-sse-s3", "b-no-region"]) {
    s3.on(GetBucketEncryptionCommand, { Bucket }).resolves({
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] },
    });
  }
  s3.on(GetBucketEncryptionCommand, { Bucket: "b-old" }).rejects(awsError("ServerSideEncryptionConfigurationNotFoundError"));

  ec2.on(DescribeVolumesCommand)
    .resolvesOnce({
      Volumes: [{ VolumeId: "vol-1", Encrypted: true, KmsKeyId: keyArn("cmk-1"), Size: 100, Tags: [{ Key: "Name", Value: "data" }] }],
      NextToken: "v2",
    })
    .resolvesOnce({ Volumes: [{ VolumeId: "vol-2", Encrypted: false, Size: 8 }] });

  rds.on(DescribeDBInstancesCommand)
    .resolvesOnce({
      DBInstances: [
        { DBInstanceArn: "arn:aws:rds:eu-west-1:111122223333:db:pg-1", DBInstanceIdentifier: "pg-1", Engine: "postgres", StorageEncrypted: true, KmsKeyId: keyArn("cmk-1"), AllocatedStorage: 20 },
        { DBInstanceArn: "arn:aws:rds:eu-west-1:111122223333:db:aur-1a", DBClusterIdentifier: "aur-1", Engine: "aurora-postgresql", StorageEncrypted: true, AllocatedStorage: 1 },
      ],
      Marker: "d2",
    })
    .resolvesOnce({
      DBInstances: [
        { DBInstanceArn: "arn:aws:rds:eu-west-1:111122223333:db:aur-1b", DBClusterIdentifier: "aur-1", Engine: "aurora-postgresql", StorageEncrypted: true },
        { DBInstanceArn: "arn:aws:rds:eu-west-1:111122223333:db:ora-1", DBInstanceIdentifier: "ora-1", Engine: "oracle-ee", StorageEncrypted: false, AllocatedStorage: 100 },
        // DocumentDB and Neptune instances as DescribeDBInstances really lists them: placeholder storage 1 GiB.
        { DBInstanceArn: "arn:aws:rds:eu-west-1:111122223333:db:docs-1", DBInstanceIdentifier: "docs-1", DBClusterIdentifier: "docs", Engine: "docdb", StorageEncrypted: false, AllocatedStorage: 1 },
        { DBInstanceArn: "arn:aws:rds:eu-west-1:111122223333:db:graph-1", DBInstanceIdentifier: "graph-1", DBClusterIdentifier: "graph", Engine: "neptune", StorageEncrypted: true, AllocatedStorage: 1 },
        { DBInstanceArn: "arn:aws:rds:eu-west-1:111122223333:db:graph-2", DBInstanceIdentifier: "graph-2", DBClusterIdentifier: "graph", Engine: "neptune", StorageEncrypted: true, AllocatedStorage: 1 },
      ],
    });
  rds.on(DescribeDBClustersCommand)
    .resolvesOnce({
      DBClusters: [{ DBClusterArn: "arn:aws:rds:eu-west-1:111122223333:cluster:aur-1", DBClusterIdentifier: "aur-1", Engine: "aurora-postgresql", StorageEncrypted: true, KmsKeyId: keyArn("cmk-1"), AllocatedStorage: 1 }],
      Marker: "c2",
    })
    .resolvesOnce({ DBClusters: [{ DBClusterArn: "arn:aws:rds:eu-west-1:111122223333:cluster:docs", Engine: "docdb", StorageEncrypted: false }] });

  tagging.on(GetResourcesCommand)
    .resolvesOnce({
      ResourceTagMappingList: [{ ResourceARN: "arn:aws:s3:::b-key-id", Tags: [{ Key: "business-unit", Value: "payments" }] }],
      PaginationToken: "t2",
    })
    .resolvesOnce({
      ResourceTagMappingList: [{ ResourceARN: "arn:aws:ec2:eu-west-1:111122223333:volume/vol-1", Tags: [{ Key: "env", Value: "prod" }] }],
      PaginationToken: "",
    });
});

describe("collectResources", () => {
  it("classifies every KMSMasterKeyID form", async () => {
    const { resources, warnings } = await collectResources(clients, unit, keys);
    for (const [bucket, , keyRef, encryptionClass, resolved] of kmsBuckets) {
      expect(resources.find((r) => r.name === bucket), bucket).toMatchObject({ encryptionClass, keyArn: resolved, keyRef: keyRef ?? null });
    }
    expect(resources.find((r) => r.name === "b-absent")?.bucketKeyEnabled).toBe(true);
    expect(resources.find((r) => r.name === "b-sse-s3")).toMatchObject({ encryptionClass: "SSE_S3", sseAlgorithm: "AES256", keyArn: null });
    // No configuration still means SSE-S3 since January 2023 (DOMAIN.md §5), with a warning.
    expect(resources.find((r) => r.name === "b-old")).toMatchObject({ encryptionClass: "SSE_S3", sseAlgorithm: "AES256", keyArn: null, bucketKeyEnabled: false });
    expect(warnings.filter((w) => w.code === "BUCKET_ENCRYPTION_IMPLICIT").map((w) => w.resourceArn)).toEqual(["arn:aws:s3:::b-old"]);
  });

  it("keeps only the unit's region's buckets, paging ListBuckets", async () => {
    const { resources } = await collectResources(clients, unit, keys);
    const buckets = resources.filter((r) => r.service === "S3").map((r) => r.name).sort();
    expect(buckets).toHaveLength(12); // 9 KMS + SSE-S3 + old + the EU-located one; the two us-east-1 ones are out
    expect(buckets).toContain("b-no-region");
    expect(buckets).not.toContain("b-us");
    expect(buckets).not.toContain("b-no-region-us");
    expect(s3.commandCalls(ListBucketsCommand).map((c) => c.args[0].input.ContinuationToken)).toEqual([undefined, "c2"]);
    expect(s3.commandCalls(GetBucketEncryptionCommand)).toHaveLength(12);
  });

  it("reads EBS sizes in bytes and encryption", async () => {
    const { resources } = await collectResources(clients, unit, keys);
    expect(resources.find((r) => r.name === "data")).toMatchObject({ service: "EBS", sizeBytes: 107_374_182_400n, encryptionClass: "CUSTOMER_KMS" });
    expect(resources.find((r) => r.name === "vol-2")).toMatchObject({ sizeBytes: 8_589_934_592n, encryptionClass: "NONE", keyArn: null });
  });

  it("counts an Aurora cluster once and skips its instances and non-Aurora clusters", async () => {
    const { resources, warnings } = await collectResources(clients, unit, keys);
    const rdsResources = resources.filter((r) => r.service === "RDS" || r.service === "AURORA");
    expect(rdsResources.map((r) => [r.service, r.name])).toEqual([
      ["RDS", "pg-1"],
      ["RDS", "ora-1"],
      ["AURORA", "aur-1"],
    ]);
    const skipped = warnings.filter((w) => w.code === "RDS_ENGINE_SKIPPED");
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.message).toContain("docdb 1, docdb cluster 1, neptune 2");
    expect(rdsResources[0]?.sizeBytes).toBe(21_474_836_480n);
    expect(rdsResources[1]).toMatchObject({ sizeBytes: 107_374_182_400n, encryptionClass: "NONE" });
    expect(rdsResources[2]).toMatchObject({ sizeBytes: null, encryptionClass: "CUSTOMER_KMS" });
  });

  it("merges Tagging API tags by ARN over the service's own tags", async () => {
    const { resources } = await collectResources(clients, unit, keys);
    expect(resources.find((r) => r.name === "b-key-id")?.tags).toEqual({ "business-unit": "payments" });
    expect(resources.find((r) => r.name === "data")?.tags).toEqual({ Name: "data", env: "prod" });
    expect(tagging.commandCalls(GetResourcesCommand).map((c) => [c.args[0].input.PaginationToken, c.args[0].input.ResourcesPerPage])).toEqual([
      [undefined, 100],
      ["t2", 100],
    ]);
  });

  it("turns a failing source or bucket into warnings, not a failed collection", async () => {
    ec2.on(DescribeVolumesCommand).rejects(awsError("UnauthorizedOperation"));
    tagging.on(GetResourcesCommand).rejects(awsError("AccessDeniedException"));
    s3.on(GetBucketEncryptionCommand, { Bucket: "b-sse-s3" }).rejects(awsError("AccessDenied"));
    const { resources, warnings } = await collectResources(clients, unit, keys);
    expect(resources.filter((r) => r.service === "EBS")).toHaveLength(0);
    expect(resources.find((r) => r.name === "b-sse-s3")?.encryptionClass).toBe("UNKNOWN");
    expect(warnings.map((w) => w.code).sort()).toEqual(["AccessDenied", "AccessDeniedException", "BUCKET_ENCRYPTION_IMPLICIT", "RDS_ENGINE_SKIPPED", "UnauthorizedOperation"]);
  });

  it("survives empty responses", async () => {
    for (const mock of [s3, ec2, rds, tagging]) mock.reset();
    s3.on(ListBucketsCommand).resolves({});
    ec2.on(DescribeVolumesCommand).resolves({});
    rds.on(DescribeDBInstancesCommand).resolves({});
    rds.on(DescribeDBClustersCommand).resolves({});
    tagging.on(GetResourcesCommand).resolves({});
    expect(await collectResources(clients, unit, keys)).toEqual({ resources: [], warnings: [] });
  });
});
