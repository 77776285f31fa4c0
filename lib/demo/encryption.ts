// How a resource is encrypted, in the forms AWS reports it: EBS and RDS give the key ARN, S3
// gives whatever the bucket owner typed (key id, key ARN, alias name or alias ARN) or nothing
// for aws/s3, which is why keyArn is resolved separately (DOMAIN.md §5).
import { buildKeyIndex, encryptionClassForResolution, resolveKeyRef } from "@/lib/domain/key-resolution";
import type { StorageService } from "@/lib/domain/records";
import type { EncryptionState, KeyPlan } from "./model";
import type { Rng } from "./random";

export interface AccountRegionKeys {
  /** aws/s3, aws/ebs, aws/rds of the account-region. */
  awsManaged: Partial<Record<"s3" | "ebs" | "rds", KeyPlan>>;
  /** CMKs that owners pick for their data. */
  usable: KeyPlan[];
}

/** The alias name the key keeps for its whole history, if any (only such an alias is safe to reference). */
export function stableAlias(plan: KeyPlan): string | null {
  const first = plan.base.aliases[0];
  if (!first) return null;
  const renamed = plan.changes.some((change) => change.apply(plan.base).aliases !== plan.base.aliases);
  return renamed ? null : first;
}

export function customerEncryption(rng: Rng, service: StorageService, key: KeyPlan, bucketKey: boolean): EncryptionState {
  if (service !== "S3") {
    return { encryptionClass: "CUSTOMER_KMS", sseAlgorithm: null, keyRef: key.keyArn, keyArn: key.keyArn, bucketKeyEnabled: null };
  }
  const alias = stableAlias(key);
  const form = rng.weighted<"id" | "arn" | "alias" | "aliasArn">([["id", 0.3], ["arn", 0.4], ["alias", alias ? 0.2 : 0], ["aliasArn", alias ? 0.1 : 0]]);
  const keyRef =
    form === "id" ? key.base.keyId
    : form === "arn" ? key.keyArn
    : form === "alias" ? alias!
    : `arn:aws:kms:${key.region}:${key.accountId}:${alias!}`;
  return { encryptionClass: "CUSTOMER_KMS", sseAlgorithm: rng.chance(0.03) ? "aws:kms:dsse" : "aws:kms", keyRef, keyArn: key.keyArn, bucketKeyEnabled: bucketKey };
}

export function awsManagedEncryption(rng: Rng, service: StorageService, keys: AccountRegionKeys): EncryptionState | null {
  if (service === "S3") {
    const key = keys.awsManaged.s3;
    if (!key) return null;
    // No KMSMasterKeyID at all means aws/s3.
    return { encryptionClass: "AWS_MANAGED_KMS", sseAlgorithm: "aws:kms", keyRef: rng.chance(0.6) ? null : "alias/aws/s3", keyArn: key.keyArn, bucketKeyEnabled: rng.chance(0.5) };
  }
  const key = service === "EBS" ? keys.awsManaged.ebs : keys.awsManaged.rds;
  if (!key) return null;
  return { encryptionClass: "AWS_MANAGED_KMS", sseAlgorithm: null, keyRef: key.keyArn, keyArn: key.keyArn, bucketKeyEnabled: null };
}

export function weakEncryption(service: StorageService): EncryptionState {
  if (service === "S3") return { encryptionClass: "SSE_S3", sseAlgorithm: "AES256", keyRef: null, keyArn: null, bucketKeyEnabled: false };
  return { encryptionClass: "NONE", sseAlgorithm: null, keyRef: null, keyArn: null, bucketKeyEnabled: null };
}

/** A bucket pointing at an alias nobody can resolve (deleted, or a typo): class UNKNOWN. */
export function unresolvableEncryption(app: string): EncryptionState {
  return { encryptionClass: "UNKNOWN", sseAlgorithm: "aws:kms", keyRef: `alias/legacy-${app}`, keyArn: null, bucketKeyEnabled: false };
}

/** A shared-services account outside the organization: some teams encrypt buckets with its key. */
export const SHARED_KEY_ACCOUNT = "999988887777";

/**
 * A bucket on another account's key, named by alias ARN as S3 reports it. That account's aliases
 * are not in the inventory, so the class is what ingestion decides for it (key-resolution.ts: a key
 * of another account is a CMK, DOMAIN.md §1) and the key stays unresolved.
 */
export function crossAccountEncryption(accountId: string, region: string): EncryptionState {
  const keyRef = `arn:aws:kms:${region}:${SHARED_KEY_ACCOUNT}:alias/shared`;
  const index = buildKeyIndex([], { accountId, region });
  const resolution = resolveKeyRef(keyRef, index);
  return { encryptionClass: encryptionClassForResolution(resolution, index), sseAlgorithm: "aws:kms", keyRef, keyArn: resolution.keyArn, bucketKeyEnabled: true };
}

/** Below CUSTOMER_KMS: the mix differs per service (every bucket has at least SSE-S3 since 2023). */
export function nonCustomerEncryption(rng: Rng, service: StorageService, keys: AccountRegionKeys): EncryptionState {
  const awsManagedShare = service === "S3" ? 0.4 : service === "EBS" ? 0.75 : 0.7;
  if (rng.chance(awsManagedShare)) return awsManagedEncryption(rng, service, keys) ?? weakEncryption(service);
  return weakEncryption(service);
}

/**
 * A CMK existing on `day` for a resource of this business unit and application: the
 * application's own key first, then the unit's, then a shared platform key. A team without a
 * key of its own rarely borrows another unit's (null: it stays on a default key).
 */
export function pickCustomerKey(rng: Rng, keys: AccountRegionKeys, bu: string, app: string, day: number): KeyPlan | null {
  const existing = keys.usable.filter((k) => k.createdIdx <= day);
  if (existing.length === 0) return null;
  const own = existing.filter((k) => k.bu === bu && k.role !== "shared");
  const ownApp = own.filter((k) => k.app === app);
  if (ownApp.length > 0 && rng.chance(0.95)) return rng.pick(ownApp);
  if (own.length > 0 && rng.chance(0.9)) return rng.pick(own);
  const shared = existing.filter((k) => k.role === "shared");
  if (shared.length > 0) return rng.pick(shared);
  return rng.chance(0.03) ? rng.pick(existing) : null;
}
