// Resolves the key references of resources collected before the key inventory was complete.
// The inventory unit lists keys and resources at the same time (their quotas are separate, so
// the unit takes max(keys, resources) rather than their sum) and resolves afterwards, with the
// same rules collectResources applies (lib/domain/key-resolution.ts).
import type { KmsKeyRecord, StorageResourceRecord, StorageService } from "@/lib/domain/records";
import { buildKeyIndex, encryptionClassForResolution, resolveKeyRef } from "@/lib/domain/key-resolution";

/** The AWS managed key a service uses when KMS encryption names no key. */
const DEFAULT_MANAGED_ALIAS: Record<StorageService, string> = {
  S3: "alias/aws/s3",
  EBS: "alias/aws/ebs",
  RDS: "alias/aws/rds",
  AURORA: "alias/aws/rds",
};

const usesKms = (r: StorageResourceRecord) =>
  r.service === "S3" ? r.sseAlgorithm === "aws:kms" || r.sseAlgorithm === "aws:kms:dsse" : r.encryptionClass !== "NONE";

export function resolveResourceKeys(
  resources: readonly StorageResourceRecord[],
  keys: readonly KmsKeyRecord[],
  unit: { accountId: string; region: string; partition?: string },
): StorageResourceRecord[] {
  const index = buildKeyIndex(keys, unit);
  return resources.map((resource) => {
    if (!usesKms(resource)) return resource;
    const resolution = resolveKeyRef(resource.keyRef, index, DEFAULT_MANAGED_ALIAS[resource.service]);
    return { ...resource, keyArn: resolution.keyArn, encryptionClass: encryptionClassForResolution(resolution, index) };
  });
}
