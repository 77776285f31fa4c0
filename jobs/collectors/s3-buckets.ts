// S3 buckets of one region and their default encryption (DOMAIN.md §5). ListBuckets is global:
// only buckets located in the unit's region belong to this account-region.
import { GetBucketEncryptionCommand, GetBucketLocationCommand, ListBucketsCommand, type S3Client } from "@aws-sdk/client-s3";
import pLimit from "p-limit";
import type { StorageResourceRecord } from "@/lib/domain/records";
import { encryptionClassForResolution, resolveKeyRef, type KeyIndex } from "@/lib/domain/key-resolution";
import { errorName, paginate, type CollectorUnit, type WarningLog } from "@/jobs/collectors/common";

/** GetBucketLocation answers null/"" for us-east-1 and "EU" for the oldest eu-west-1 buckets. */
export function bucketRegionFromLocation(location: string | null | undefined): string {
  if (!location) return "us-east-1";
  if (location === "EU") return "eu-west-1";
  return location;
}

type Encryption = Pick<StorageResourceRecord, "encryptionClass" | "sseAlgorithm" | "keyRef" | "keyArn" | "bucketKeyEnabled">;

export async function collectBuckets(
  s3: S3Client,
  unit: CollectorUnit,
  keys: KeyIndex,
  warnings: WarningLog,
  concurrency = 16,
): Promise<StorageResourceRecord[]> {
  const pages = await paginate(
    // BucketRegion filters server-side; endpoints that ignore it are handled below.
    (ContinuationToken) => s3.send(new ListBucketsCommand({ MaxBuckets: 1000, ContinuationToken, BucketRegion: unit.region })),
    (page) => page.ContinuationToken,
  );
  const limit = pLimit(concurrency);
  const buckets = pages.flatMap((page) => page.Buckets ?? []).flatMap((b) => (b.Name ? [{ name: b.Name, region: b.BucketRegion }] : []));

  const inRegion = await Promise.all(
    buckets.map((bucket) =>
      limit(async () => {
        if (bucket.region) return bucket.region === unit.region ? bucket.name : null;
        try {
          const out = await s3.send(new GetBucketLocationCommand({ Bucket: bucket.name }));
          return bucketRegionFromLocation(out.LocationConstraint) === unit.region ? bucket.name : null;
        } catch (error) {
          warnings.fromError(`GetBucketLocation ${bucket.name}`, error, bucketArn(unit, bucket.name));
          return null;
        }
      }),
    ),
  );

  const names = inRegion.filter((name): name is string => name !== null);
  return Promise.all(
    names.map((name) =>
      limit(async (): Promise<StorageResourceRecord> => ({
        resourceArn: bucketArn(unit, name),
        accountId: unit.accountId,
        region: unit.region,
        service: "S3",
        name,
        sizeBytes: null, // not in the inventory APIs
        ...(await readEncryption(s3, unit, name, keys, warnings)),
        tags: {},
      })),
    ),
  );
}

export const bucketArn = (unit: CollectorUnit, name: string) => `arn:${unit.partition ?? "aws"}:s3:::${name}`;

async function readEncryption(s3: S3Client, unit: CollectorUnit, bucket: string, keys: KeyIndex, warnings: WarningLog): Promise<Encryption> {
  const unknown: Encryption = { encryptionClass: "UNKNOWN", sseAlgorithm: null, keyRef: null, keyArn: null, bucketKeyEnabled: null };
  try {
    const out = await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    const rule = out.ServerSideEncryptionConfiguration?.Rules?.[0];
    const byDefault = rule?.ApplyServerSideEncryptionByDefault;
    if (!byDefault?.SSEAlgorithm) {
      warnings.add("BUCKET_ENCRYPTION_EMPTY", `GetBucketEncryption ${bucket} returned no default encryption rule`, bucketArn(unit, bucket));
      return unknown;
    }
    return encryptionFromRule(byDefault.SSEAlgorithm, byDefault.KMSMasterKeyID, rule?.BucketKeyEnabled, keys);
  } catch (error) {
    // Since January 2023 S3 encrypts every new object with SSE-S3 whatever the configuration
    // (DOMAIN.md §5); some endpoints still answer "no configuration" for buckets never given one.
    if (errorName(error) === "ServerSideEncryptionConfigurationNotFoundError") {
      warnings.add("BUCKET_ENCRYPTION_IMPLICIT", `Bucket ${bucket} has no explicit default encryption configuration: counted as SSE-S3 (S3's default since January 2023)`, bucketArn(unit, bucket));
      return { encryptionClass: "SSE_S3", sseAlgorithm: "AES256", keyRef: null, keyArn: null, bucketKeyEnabled: false };
    }
    warnings.fromError(`GetBucketEncryption ${bucket}`, error, bucketArn(unit, bucket));
    return unknown;
  }
}

export function encryptionFromRule(
  sseAlgorithm: string,
  kmsMasterKeyId: string | undefined,
  bucketKeyEnabled: boolean | undefined,
  keys: KeyIndex,
): Encryption {
  if (sseAlgorithm === "AES256") {
    return { encryptionClass: "SSE_S3", sseAlgorithm, keyRef: null, keyArn: null, bucketKeyEnabled: bucketKeyEnabled ?? false };
  }
  if (sseAlgorithm === "aws:kms" || sseAlgorithm === "aws:kms:dsse") {
    // No KMSMasterKeyID means the AWS managed key aws/s3.
    const resolution = resolveKeyRef(kmsMasterKeyId, keys, "alias/aws/s3");
    return {
      encryptionClass: encryptionClassForResolution(resolution, keys),
      sseAlgorithm,
      keyRef: kmsMasterKeyId ?? null,
      keyArn: resolution.keyArn,
      bucketKeyEnabled: bucketKeyEnabled ?? false,
    };
  }
  return { encryptionClass: "UNKNOWN", sseAlgorithm, keyRef: kmsMasterKeyId ?? null, keyArn: null, bucketKeyEnabled: bucketKeyEnabled ?? null };
}
