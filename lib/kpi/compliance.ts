// CMK requirement and non-compliance of one storage resource (DOMAIN.md §6.1, §6.2).
import type { EncryptionClass, StorageResourceRecord } from "@/lib/domain/records";
import type { PolicySettings } from "@/lib/settings/policy";
import type { ResourceDims } from "./resource-dims";

export type NonCompliantReason = "UNENCRYPTED" | "SSE_S3" | "AWS_MANAGED_KEY" | "KEY_UNUSABLE" | "UNKNOWN_KEY";

export const NON_COMPLIANT_REASONS: readonly NonCompliantReason[] = [
  "UNENCRYPTED",
  "SSE_S3",
  "AWS_MANAGED_KEY",
  "KEY_UNUSABLE",
  "UNKNOWN_KEY",
];

/** Key states in which a CMK can no longer decrypt the data it protects. */
export const UNUSABLE_KEY_STATES: ReadonlySet<string> = new Set(["Disabled", "PendingDeletion"]);

const normalize = (value: string) => value.trim().toLowerCase();

/**
 * A CMK is required for production resources and for the configured classifications.
 * Values compare case-insensitively: "Prod" and "prod" are the same environment to a policy,
 * even though the charts keep them apart as written.
 */
export function requiresCmk(
  dims: Pick<ResourceDims, "environment" | "classification">,
  settings: Pick<PolicySettings, "productionValues" | "cmkRequiredClassifications">,
): boolean {
  const env = normalize(dims.environment);
  const classification = normalize(dims.classification);
  if (env !== "" && settings.productionValues.some((v) => normalize(v) === env)) return true;
  return classification !== "" && settings.cmkRequiredClassifications.some((v) => normalize(v) === classification);
}

/** Coverage counts the class only: a CMK-encrypted resource is covered even if its key is disabled. */
export function isCmkCovered(resource: Pick<StorageResourceRecord, "encryptionClass">): boolean {
  return resource.encryptionClass === "CUSTOMER_KMS";
}

const BELOW_CMK: Record<Exclude<EncryptionClass, "CUSTOMER_KMS">, NonCompliantReason> = {
  NONE: "UNENCRYPTED",
  SSE_S3: "SSE_S3",
  AWS_MANAGED_KMS: "AWS_MANAGED_KEY",
  // The key reference could not be resolved: we cannot show it is a CMK.
  UNKNOWN: "UNKNOWN_KEY",
};

/**
 * Why a resource is non-compliant, or null when it is not. In order:
 * 1. CUSTOMER_KMS whose key is Disabled or PendingDeletion → KEY_UNUSABLE, whether or not a CMK
 *    is required: the data is (about to be) unreadable, which matters for every resource.
 * 2. A resource that does not require a CMK is compliant whatever its class.
 * 3. Otherwise the class decides: NONE → UNENCRYPTED, SSE_S3 → SSE_S3, AWS_MANAGED_KMS →
 *    AWS_MANAGED_KEY, UNKNOWN → UNKNOWN_KEY, CUSTOMER_KMS → compliant.
 * keyState is the state of resource.keyArn at the snapshot, null when the key is not in the
 * inventory (e.g. a CMK of another account): such a CMK counts as usable, since its state
 * cannot be observed and a cross-account key is necessarily a CMK. Other states (PendingImport,
 * Unavailable, ...) are operational or transient and are shown on the key, not here.
 */
export function nonCompliantReason(
  resource: Pick<StorageResourceRecord, "encryptionClass">,
  keyState: string | null | undefined,
  cmkRequired: boolean,
): NonCompliantReason | null {
  const cls = resource.encryptionClass;
  if (cls === "CUSTOMER_KMS") {
    return keyState != null && UNUSABLE_KEY_STATES.has(keyState) ? "KEY_UNUSABLE" : null;
  }
  if (!cmkRequired) return null;
  return BELOW_CMK[cls];
}
