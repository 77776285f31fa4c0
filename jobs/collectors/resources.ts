// Storage resources of one account-region and how each is encrypted: S3 buckets, EBS volumes,
// RDS instances (non-Aurora) and Aurora clusters (one resource each: their instances share the
// cluster volume and are not counted again). Tags come from the Resource Groups Tagging API,
// merged by ARN over the tags the service itself reports.
import { DescribeVolumesCommand, type EC2Client } from "@aws-sdk/client-ec2";
import { DescribeDBClustersCommand, DescribeDBInstancesCommand, type RDSClient } from "@aws-sdk/client-rds";
import { GetResourcesCommand, type ResourceGroupsTaggingAPIClient } from "@aws-sdk/client-resource-groups-tagging-api";
import type { S3Client } from "@aws-sdk/client-s3";
import type { IngestionWarningRecord, KmsKeyRecord, StorageResourceRecord, Tags } from "@/lib/domain/records";
import { buildKeyIndex, encryptionClassForResolution, resolveKeyRef, type KeyIndex } from "@/lib/domain/key-resolution";
import { isRdsEngineInScope, RDS_ENGINE_SKIPPED, SkippedDatabases } from "@/lib/domain/rds-engines";
import { gibToBytes, paginate, WarningLog, type CollectorUnit } from "@/jobs/collectors/common";
import { collectBuckets } from "@/jobs/collectors/s3-buckets";

export interface ResourceClients {
  s3: S3Client;
  ec2: EC2Client;
  rds: RDSClient;
  tagging: ResourceGroupsTaggingAPIClient;
}

export interface ResourcesCollection {
  resources: StorageResourceRecord[];
  warnings: IngestionWarningRecord[];
}

type Encryption = Pick<StorageResourceRecord, "encryptionClass" | "sseAlgorithm" | "keyRef" | "keyArn" | "bucketKeyEnabled">;

/** `keys`: the unit's ingested keys (collectKeys), to resolve references to key ARNs. */
export async function collectResources(
  clients: ResourceClients,
  unit: CollectorUnit,
  keys: readonly KmsKeyRecord[],
): Promise<ResourcesCollection> {
  const warnings = new WarningLog("resources", unit);
  const index = buildKeyIndex(keys, unit);
  const skipped = new SkippedDatabases();

  // A source that fails entirely is a warning: the others still make a snapshot.
  const guarded = async <T>(source: string, run: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await run();
    } catch (error) {
      warnings.fromError(source, error);
      return [];
    }
  };
  const [buckets, volumes, instances, clusters, tagsByArn] = await Promise.all([
    guarded("S3 ListBuckets", () => collectBuckets(clients.s3, unit, index, warnings)),
    guarded("EC2 DescribeVolumes", () => collectVolumes(clients.ec2, unit, index)),
    guarded("RDS DescribeDBInstances", () => collectDbInstances(clients.rds, unit, index, skipped)),
    guarded("RDS DescribeDBClusters", () => collectAuroraClusters(clients.rds, unit, index, skipped)),
    readTaggingApi(clients.tagging, warnings),
  ]);
  const skippedMessage = skipped.message();
  if (skippedMessage) warnings.add(RDS_ENGINE_SKIPPED, skippedMessage);

  const resources = [...buckets, ...volumes, ...instances, ...clusters].map((resource) => ({
    ...resource,
    tags: { ...resource.tags, ...tagsByArn.get(resource.resourceArn) },
  }));
  return { resources, warnings: warnings.records };
}

/** EBS (no key named: the account's default aws/ebs) and RDS report key ARNs. */
function kmsEncryption(encrypted: boolean | undefined, keyRef: string | undefined, index: KeyIndex, defaultAlias?: string): Encryption {
  if (!encrypted) return { encryptionClass: "NONE", sseAlgorithm: null, keyRef: null, keyArn: null, bucketKeyEnabled: null };
  const resolution = resolveKeyRef(keyRef, index, defaultAlias);
  return {
    encryptionClass: encryptionClassForResolution(resolution, index),
    sseAlgorithm: null,
    keyRef: keyRef ?? null,
    keyArn: resolution.keyArn,
    bucketKeyEnabled: null,
  };
}

const tagsOf = (list: Array<{ Key?: string; Value?: string }> | undefined): Tags =>
  Object.fromEntries((list ?? []).flatMap((t) => (t.Key ? [[t.Key, t.Value ?? ""]] : [])));

async function collectVolumes(ec2: EC2Client, unit: CollectorUnit, index: KeyIndex): Promise<StorageResourceRecord[]> {
  const pages = await paginate((NextToken) => ec2.send(new DescribeVolumesCommand({ MaxResults: 500, NextToken })), (page) => page.NextToken);
  return pages
    .flatMap((page) => page.Volumes ?? [])
    .flatMap((volume) => {
      if (!volume.VolumeId) return [];
      const tags = tagsOf(volume.Tags);
      return [
        {
          resourceArn: `arn:${unit.partition ?? "aws"}:ec2:${unit.region}:${unit.accountId}:volume/${volume.VolumeId}`,
          accountId: unit.accountId,
          region: unit.region,
          service: "EBS" as const,
          name: tags.Name || volume.VolumeId,
          sizeBytes: gibToBytes(volume.Size),
          ...kmsEncryption(volume.Encrypted, volume.KmsKeyId, index, "alias/aws/ebs"),
          tags,
        },
      ];
    });
}

const isAurora = (engine: string | undefined) => (engine ?? "").startsWith("aurora");

async function collectDbInstances(rds: RDSClient, unit: CollectorUnit, index: KeyIndex, skipped: SkippedDatabases): Promise<StorageResourceRecord[]> {
  const pages = await paginate((Marker) => rds.send(new DescribeDBInstancesCommand({ MaxRecords: 100, Marker })), (page) => page.Marker);
  return pages
    .flatMap((page) => page.DBInstances ?? [])
    .flatMap((db) => {
      // Aurora instances share their cluster's volume: the cluster is the resource.
      if (!db.DBInstanceArn || (db.DBClusterIdentifier && isAurora(db.Engine))) return [];
      if (!isRdsEngineInScope(db.Engine)) {
        skipped.instance(db.Engine);
        return [];
      }
      return [
        {
          resourceArn: db.DBInstanceArn,
          accountId: unit.accountId,
          region: unit.region,
          service: "RDS" as const,
          name: db.DBInstanceIdentifier ?? db.DBInstanceArn,
          sizeBytes: gibToBytes(db.AllocatedStorage),
          ...kmsEncryption(db.StorageEncrypted, db.KmsKeyId, index, "alias/aws/rds"),
          tags: tagsOf(db.TagList),
        },
      ];
    });
}

async function collectAuroraClusters(rds: RDSClient, unit: CollectorUnit, index: KeyIndex, skipped: SkippedDatabases): Promise<StorageResourceRecord[]> {
  const pages = await paginate((Marker) => rds.send(new DescribeDBClustersCommand({ MaxRecords: 100, Marker })), (page) => page.Marker);
  return pages
    .flatMap((page) => page.DBClusters ?? [])
    // DescribeDBClusters also lists Multi-AZ DB clusters, Neptune and DocumentDB: Aurora only.
    .flatMap((cluster) => {
      if (!cluster.DBClusterArn) return [];
      if (cluster.Engine === "docdb" || cluster.Engine === "neptune") {
        skipped.cluster(cluster.Engine);
        return [];
      }
      if (!isAurora(cluster.Engine)) return [];
      return [
        {
          resourceArn: cluster.DBClusterArn,
          accountId: unit.accountId,
          region: unit.region,
          service: "AURORA" as const,
          name: cluster.DBClusterIdentifier ?? cluster.DBClusterArn,
          // Aurora reports AllocatedStorage as a placeholder (1); the volume size is not here.
          sizeBytes: null,
          ...kmsEncryption(cluster.StorageEncrypted, cluster.KmsKeyId, index, "alias/aws/rds"),
          tags: tagsOf(cluster.TagList),
        },
      ];
    });
}

const TAGGED_TYPES = ["s3:bucket", "ec2:volume", "rds:db", "rds:cluster"];

async function readTaggingApi(tagging: ResourceGroupsTaggingAPIClient, warnings: WarningLog): Promise<Map<string, Tags>> {
  const byArn = new Map<string, Tags>();
  try {
    const pages = await paginate(
      (PaginationToken) => tagging.send(new GetResourcesCommand({ ResourceTypeFilters: TAGGED_TYPES, ResourcesPerPage: 100, PaginationToken })),
      (page) => page.PaginationToken || undefined, // the last page carries ""
    );
    for (const mapping of pages.flatMap((page) => page.ResourceTagMappingList ?? [])) {
      if (mapping.ResourceARN) byArn.set(mapping.ResourceARN, tagsOf(mapping.Tags));
    }
  } catch (error) {
    // Without the Tagging API, S3 buckets have no tags; EC2/RDS keep their own.
    warnings.fromError("Tagging GetResources", error);
  }
  return byArn;
}
