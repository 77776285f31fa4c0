// KMS key inventory of one account-region: ListKeys + ListAliases, then per key DescribeKey,
// rotation, tags, policy and last usage. Per-key failures become warnings; the key is still
// recorded with what could be read. Calls run concurrently; pacing lives in the client stack.
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  ListAliasesCommand,
  ListKeyRotationsCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  type KeyMetadata,
  type KMSClient,
} from "@aws-sdk/client-kms";
import pLimit from "p-limit";
import type { IngestionWarningRecord, KeyUsageRecord, KmsKeyRecord, Tags } from "@/lib/domain/records";
import { errorName, paginate, WarningLog, type CollectorUnit } from "@/jobs/collectors/common";
import { KeyLastUsageReader, unknownUsage } from "@/jobs/collectors/key-last-usage";

export interface KeysCollection {
  keys: KmsKeyRecord[];
  keyUsage: KeyUsageRecord[];
  warnings: IngestionWarningRecord[];
}

export interface KeysCollectorOptions {
  /** Keys described at once; the pacer still caps each API's rate. */
  concurrency?: number;
}

type KmsPage<T> = T & { Truncated?: boolean; NextMarker?: string };
const nextMarker = (page: KmsPage<object>) => (page.Truncated ? page.NextMarker : undefined);

/** DOMAIN.md §1: automatic rotation exists only for symmetric keys with AWS_KMS origin. */
export const rotationApplies = (meta: KeyMetadata) => meta.KeySpec === "SYMMETRIC_DEFAULT" && meta.Origin === "AWS_KMS";

export async function collectKeys(
  clients: { kms: KMSClient },
  unit: CollectorUnit,
  options: KeysCollectorOptions = {},
): Promise<KeysCollection> {
  const { kms } = clients;
  const warnings = new WarningLog("kms", unit);

  const keyPages = await paginate(
    (Marker) => kms.send(new ListKeysCommand({ Limit: 1000, Marker })),
    nextMarker,
  );
  const keyIds = keyPages.flatMap((page) => page.Keys ?? []).flatMap((entry) => (entry.KeyId ? [entry.KeyId] : []));

  const aliasPages = await paginate(
    (Marker) => kms.send(new ListAliasesCommand({ Limit: 100, Marker })),
    nextMarker,
  );
  const aliasesByKeyId = new Map<string, string[]>();
  for (const alias of aliasPages.flatMap((page) => page.Aliases ?? [])) {
    // AWS managed aliases exist before their key does; those have no target yet.
    if (!alias.TargetKeyId || !alias.AliasName) continue;
    aliasesByKeyId.set(alias.TargetKeyId, [...(aliasesByKeyId.get(alias.TargetKeyId) ?? []), alias.AliasName]);
  }

  const lastUsage = new KeyLastUsageReader(kms, warnings);
  const limit = pLimit(options.concurrency ?? 16);
  const collected = await Promise.all(
    keyIds.map((keyId) => limit(() => collectKey(kms, unit, keyId, aliasesByKeyId.get(keyId) ?? [], lastUsage, warnings))),
  );

  const keys: KmsKeyRecord[] = [];
  const keyUsage: KeyUsageRecord[] = [];
  for (const entry of collected) {
    if (!entry) continue;
    keys.push(entry.key);
    keyUsage.push(entry.usage);
  }
  return { keys, keyUsage, warnings: warnings.records };
}

async function collectKey(
  kms: KMSClient,
  unit: CollectorUnit,
  keyId: string,
  aliases: string[],
  lastUsage: KeyLastUsageReader,
  warnings: WarningLog,
): Promise<{ key: KmsKeyRecord; usage: KeyUsageRecord } | null> {
  let meta: KeyMetadata | undefined;
  try {
    meta = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata;
  } catch (error) {
    warnings.fromError(`DescribeKey ${keyId}`, error);
    return null;
  }
  if (!meta?.Arn || !meta.KeyId) {
    warnings.add("KEY_METADATA_MISSING", `DescribeKey ${keyId} returned no key metadata: key skipped`);
    return null;
  }
  const keyArn = meta.Arn;
  const keyManager = meta.KeyManager === "AWS" ? "AWS" : "CUSTOMER";
  const base = describedKey(unit, meta, aliases.sort());

  // AWS managed keys cannot be tagged or have their rotation managed: record DescribeKey only,
  // and spend no billed calls on them.
  if (keyManager === "AWS") return { key: base, usage: unknownUsage(keyArn) };

  const [tags, policy, rotation, usage] = await Promise.all([
    readTags(kms, keyArn, warnings),
    readPolicy(kms, keyArn, warnings),
    readRotation(kms, meta, warnings),
    lastUsage.read(keyArn),
  ]);
  return { key: { ...base, tags, ...policy, ...rotation }, usage };
}

function describedKey(unit: CollectorUnit, meta: KeyMetadata, aliases: string[]): KmsKeyRecord {
  const mr = meta.MultiRegionConfiguration;
  return {
    keyArn: meta.Arn!,
    accountId: meta.AWSAccountId ?? unit.accountId,
    region: unit.region,
    keyId: meta.KeyId!,
    keyManager: meta.KeyManager === "AWS" ? "AWS" : "CUSTOMER",
    keyState: meta.KeyState ?? "Unknown",
    keySpec: meta.KeySpec ?? "Unknown",
    keyUsage: meta.KeyUsage ?? "Unknown",
    origin: meta.Origin ?? "Unknown",
    multiRegion: meta.MultiRegion ?? false,
    multiRegionRole: mr?.MultiRegionKeyType === "PRIMARY" || mr?.MultiRegionKeyType === "REPLICA" ? mr.MultiRegionKeyType : null,
    primaryKeyArn: mr?.PrimaryKey?.Arn ?? null,
    creationDate: meta.CreationDate ?? new Date(0),
    deletionDate: meta.DeletionDate ?? null,
    pendingWindowDays: meta.PendingDeletionWindowInDays ?? null,
    description: meta.Description ?? "",
    aliases,
    tags: {},
    policy: null,
    policyError: null,
    rotationEnabled: null,
    rotationPeriodDays: null,
    rotationCount: null,
    lastRotatedAt: null,
    nextRotationDate: null,
  };
}

async function readTags(kms: KMSClient, keyArn: string, warnings: WarningLog): Promise<Tags> {
  try {
    const pages = await paginate((Marker) => kms.send(new ListResourceTagsCommand({ KeyId: keyArn, Limit: 50, Marker })), nextMarker);
    const tags: Tags = {};
    for (const tag of pages.flatMap((page) => page.Tags ?? [])) if (tag.TagKey) tags[tag.TagKey] = tag.TagValue ?? "";
    return tags;
  } catch (error) {
    warnings.fromError("ListResourceTags", error, keyArn);
    return {};
  }
}

async function readPolicy(kms: KMSClient, keyArn: string, warnings: WarningLog): Promise<Pick<KmsKeyRecord, "policy" | "policyError">> {
  try {
    const out = await kms.send(new GetKeyPolicyCommand({ KeyId: keyArn, PolicyName: "default" }));
    if (!out.Policy) return { policy: null, policyError: "EmptyPolicy" };
    try {
      return { policy: JSON.parse(out.Policy) as unknown, policyError: null };
    } catch {
      warnings.add("POLICY_UNPARSABLE", "GetKeyPolicy returned a policy that is not JSON", keyArn);
      return { policy: null, policyError: "PolicyNotJson" };
    }
  } catch (error) {
    // Typically a key policy that does not delegate to IAM: findings on this key stay unknown.
    warnings.fromError("GetKeyPolicy", error, keyArn);
    return { policy: null, policyError: errorName(error) };
  }
}

type Rotation = Pick<KmsKeyRecord, "rotationEnabled" | "rotationPeriodDays" | "rotationCount" | "lastRotatedAt" | "nextRotationDate">;

async function readRotation(kms: KMSClient, meta: KeyMetadata, warnings: WarningLog): Promise<Rotation> {
  const none: Rotation = { rotationEnabled: null, rotationPeriodDays: null, rotationCount: null, lastRotatedAt: null, nextRotationDate: null };
  if (!rotationApplies(meta)) return none;
  const keyArn = meta.Arn!;
  const [status, rotations] = await Promise.all([
    kms.send(new GetKeyRotationStatusCommand({ KeyId: keyArn })).catch((error: unknown) => {
      warnings.fromError("GetKeyRotationStatus", error, keyArn);
      return null;
    }),
    paginate((Marker) => kms.send(new ListKeyRotationsCommand({ KeyId: keyArn, Limit: 1000, Marker })), nextMarker).catch(
      (error: unknown) => {
        warnings.fromError("ListKeyRotations", error, keyArn);
        return null;
      },
    ),
  ]);
  const rotationDates = (rotations ?? []).flatMap((page) => page.Rotations ?? []).flatMap((r) => (r.RotationDate ? [r.RotationDate] : []));
  return {
    rotationEnabled: status?.KeyRotationEnabled ?? null,
    rotationPeriodDays: status?.KeyRotationEnabled ? (status.RotationPeriodInDays ?? null) : null,
    rotationCount: rotations ? (rotations.flatMap((page) => page.Rotations ?? [])).length : null,
    lastRotatedAt: rotationDates.length ? new Date(Math.max(...rotationDates.map((d) => d.getTime()))) : null,
    // KMS's own schedule: an on-demand rotation counts in ListKeyRotations but does not move it.
    nextRotationDate: status?.KeyRotationEnabled ? (status.NextRotationDate ?? null) : null,
  };
}
