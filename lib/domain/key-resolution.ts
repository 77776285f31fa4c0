// Resolves the key references storage services report (key id, key ARN, alias name, alias ARN)
// to key ARNs through the ingested key inventory of one account-region, and derives the
// encryption class of DOMAIN.md §5 from the key's manager.
import type { EncryptionClass, KeyManager, KmsKeyRecord } from "@/lib/domain/records";

export type KeyInventoryKey = Pick<KmsKeyRecord, "keyArn" | "keyId" | "keyManager" | "aliases">;

/** Looks a key ARN up in the inventory; undefined when the key was not ingested. */
export type KeyInventoryLookup = (keyArn: string) => { keyManager: KeyManager } | undefined;

export interface KeyIndex {
  accountId: string;
  region: string;
  partition: string;
  lookup: KeyInventoryLookup;
  byKeyId: ReadonlyMap<string, KeyInventoryKey>;
  byAlias: ReadonlyMap<string, KeyInventoryKey>;
}

export interface KeyResolution {
  /** Resolved key ARN; null when the reference cannot be tied to a key. */
  keyArn: string | null;
  /** The reference names an AWS managed key (alias/aws/*), even when it is not in the inventory. */
  awsManagedAlias: boolean;
  /** The key belongs to another account: necessarily a CMK (DOMAIN.md §1). */
  crossAccount: boolean;
}

interface KmsArn {
  partition: string;
  region: string;
  accountId: string;
  kind: "key" | "alias";
  name: string; // key id, or alias name without the "alias/" prefix
}

export function parseKmsArn(arn: string): KmsArn | null {
  const match = /^arn:([^:]+):kms:([^:]*):(\d{12}):(key|alias)\/(.+)$/.exec(arn);
  if (!match) return null;
  return {
    partition: match[1]!,
    region: match[2]!,
    accountId: match[3]!,
    kind: match[4] as "key" | "alias",
    name: match[5]!,
  };
}

export function buildKeyIndex(
  keys: readonly KeyInventoryKey[],
  unit: { accountId: string; region: string; partition?: string },
): KeyIndex {
  const byArn = new Map<string, KeyInventoryKey>();
  const byKeyId = new Map<string, KeyInventoryKey>();
  const byAlias = new Map<string, KeyInventoryKey>();
  for (const key of keys) {
    byArn.set(key.keyArn, key);
    byKeyId.set(key.keyId, key);
    for (const alias of key.aliases) byAlias.set(alias, key);
  }
  return {
    accountId: unit.accountId,
    region: unit.region,
    partition: unit.partition ?? "aws",
    lookup: (keyArn) => byArn.get(keyArn),
    byKeyId,
    byAlias,
  };
}

const isAwsManagedAliasName = (aliasName: string) => aliasName.startsWith("alias/aws/");

/**
 * Resolves a reference to a key ARN. `defaultManagedAlias` is the AWS managed key a service
 * falls back to when no key is named (S3: "alias/aws/s3", EBS: "alias/aws/ebs").
 */
export function resolveKeyRef(
  ref: string | null | undefined,
  index: KeyIndex,
  defaultManagedAlias?: string,
): KeyResolution {
  const trimmed = ref?.trim() ?? "";
  if (trimmed === "") {
    if (!defaultManagedAlias) return { keyArn: null, awsManagedAlias: false, crossAccount: false };
    return resolveKeyRef(defaultManagedAlias, index);
  }

  const arn = parseKmsArn(trimmed);
  if (arn) {
    const crossAccount = arn.accountId !== index.accountId;
    if (arn.kind === "key") {
      // A key ARN is already the answer, in this account or another one.
      return { keyArn: trimmed, awsManagedAlias: false, crossAccount };
    }
    const aliasName = `alias/${arn.name}`;
    if (crossAccount) {
      // Another account's aliases are not in this inventory: the key cannot be named.
      return { keyArn: null, awsManagedAlias: false, crossAccount: true };
    }
    return resolveAliasName(aliasName, index);
  }

  if (trimmed.startsWith("alias/")) return resolveAliasName(trimmed, index);

  const key = index.byKeyId.get(trimmed);
  return { keyArn: key?.keyArn ?? null, awsManagedAlias: false, crossAccount: false };
}

function resolveAliasName(aliasName: string, index: KeyIndex): KeyResolution {
  const key = index.byAlias.get(aliasName);
  return { keyArn: key?.keyArn ?? null, awsManagedAlias: isAwsManagedAliasName(aliasName), crossAccount: false };
}

/**
 * DOMAIN.md §5 class of a KMS-encrypted resource from its key: the key's manager when the key
 * is in the inventory; CUSTOMER_KMS for another account's key (AWS managed keys are never usable
 * cross-account); UNKNOWN otherwise.
 */
export function encryptionClassFor(
  keyArn: string | null,
  lookup: KeyInventoryLookup,
  accountId?: string,
): EncryptionClass {
  if (keyArn === null) return "UNKNOWN";
  const key = lookup(keyArn);
  if (key) return key.keyManager === "CUSTOMER" ? "CUSTOMER_KMS" : "AWS_MANAGED_KMS";
  const arn = parseKmsArn(keyArn);
  if (arn && accountId !== undefined && arn.accountId !== accountId) return "CUSTOMER_KMS";
  return "UNKNOWN";
}

/** Class of a resolved reference: an AWS managed alias is AWS_MANAGED_KMS even if not ingested. */
export function encryptionClassForResolution(resolution: KeyResolution, index: KeyIndex): EncryptionClass {
  // Another account's key, named by key ARN or (unresolvable) alias ARN: AWS managed keys are
  // never usable across accounts, so it is a CMK even when the key itself stays unknown.
  if (resolution.crossAccount) return "CUSTOMER_KMS";
  const byKey = encryptionClassFor(resolution.keyArn, index.lookup, index.accountId);
  if (byKey === "UNKNOWN" && resolution.awsManagedAlias) return "AWS_MANAGED_KMS";
  return byKey;
}
