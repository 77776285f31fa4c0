import { hash as oneShotHash } from "node:crypto";
import stringify from "safe-stable-stringify";
import type { KmsKeyRecord, StorageResourceRecord } from "@/lib/domain/records";
import type { PolicySettings } from "@/lib/settings/policy";
import { deriveKeyColumns, deriveResourceColumns } from "./derive";
import { OPEN_END, type Day } from "./types";

// Records → rows for jsonb_to_recordset inserts (snake_case, JSON-safe). The content hash covers
// everything ingested (not the derived columns), so a snapshot only writes a new version when
// AWS reported something different.

// Change detection only (not security): the one-shot sha1 is the cheapest digest Node offers.
const digest = (text: string) => oneShotHash("sha1", text, "base64");

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Tags in key order: AWS returns them in no particular order, and order is not a change. The
 * default sort compares UTF-16 code units, as `<` does, so stored hashes keep their value.
 */
function sortedTags(tags: Record<string, string>): [string, string][] {
  return Object.keys(tags).sort().map((k) => [k, tags[k]!]);
}

/**
 * Resources are the bulk of a snapshot (hashed once per record per day), so their hash uses a
 * fixed field order and native JSON.stringify instead of a generic canonical stringify.
 */
export function resourceContentHash(record: StorageResourceRecord, keyState: string | null): string {
  const canonical = [
    record.resourceArn, record.accountId, record.region, record.service, record.name,
    record.sizeBytes?.toString() ?? null, record.encryptionClass, record.sseAlgorithm, record.keyRef,
    record.keyArn, record.bucketKeyEnabled, sortedTags(record.tags), keyState,
  ];
  return digest(JSON.stringify(canonical));
}

// Keys: fixed field order, tags sorted, aliases as the collector sorts them, and the policy's JSON
// text in the order it was parsed (GetKeyPolicy returns the document as stored, so its key order
// changes only when the policy does). Until 2026-11 the whole record went through a generic canonical stringify,
// 2-3× slower with a real policy (~15 µs a key; 10,000 keys are hashed every day); those stored
// hashes have no prefix, and a snapshot that finds one compares it with legacyKeyContentHash
// and upgrades it in place instead of opening a new version of every key.
const KEY_HASH_FORMAT = "2:";

/**
 * The key policy as JSON text, serialized once per key: the hash covers it as text and the json
 * column stores it as it is (a console-style policy is ~1 kB, and stringifying it is the largest
 * part of a key's cost).
 */
export const policyText = (record: KmsKeyRecord): string | null => (record.policy == null ? null : JSON.stringify(record.policy));

export function keyContentHash(r: KmsKeyRecord, policy: string | null = policyText(r)): string {
  const canonical = [
    r.keyArn, r.accountId, r.region, r.keyId, r.keyManager, r.keyState, r.keySpec, r.keyUsage, r.origin,
    r.multiRegion, r.multiRegionRole, r.primaryKeyArn, r.creationDate, r.deletionDate, r.pendingWindowDays,
    r.description, r.aliases, sortedTags(r.tags), policy, r.policyError, r.rotationEnabled,
    r.rotationPeriodDays, r.rotationCount, r.lastRotatedAt,
  ];
  return KEY_HASH_FORMAT + digest(JSON.stringify(canonical));
}

/** The hash a key version stored before KEY_HASH_FORMAT; null when `stored` is of the current form. */
export function legacyKeyContentHash(record: KmsKeyRecord, stored: string): string | null {
  return stored.startsWith(KEY_HASH_FORMAT) ? null : digest(stringify(record) ?? "");
}

export function resourceRow(
  record: StorageResourceRecord,
  keyState: string | null,
  validFrom: Day,
  validTo: Day | null,
  settings: PolicySettings,
  contentHash: string = resourceContentHash(record, keyState),
) {
  return {
    resource_arn: record.resourceArn,
    account_id: record.accountId,
    region: record.region,
    service: record.service,
    name: record.name,
    valid_from: validFrom,
    valid_to: validTo ?? OPEN_END,
    content_hash: contentHash,
    size_bytes: record.sizeBytes?.toString() ?? null,
    encryption_class: record.encryptionClass,
    sse_algorithm: record.sseAlgorithm,
    key_ref: record.keyRef,
    key_arn: record.keyArn,
    key_state: keyState,
    bucket_key_enabled: record.bucketKeyEnabled,
    tags: record.tags,
    ...deriveResourceColumns(record, keyState, settings),
  };
}

export function keyRow(
  record: KmsKeyRecord,
  validFrom: Day,
  validTo: Day | null,
  settings: PolicySettings,
  policy: string | null = policyText(record),
  contentHash: string = keyContentHash(record, policy),
) {
  return {
    key_arn: record.keyArn,
    account_id: record.accountId,
    region: record.region,
    key_id: record.keyId,
    valid_from: validFrom,
    valid_to: validTo ?? OPEN_END,
    content_hash: contentHash,
    key_manager: record.keyManager,
    key_state: record.keyState,
    key_spec: record.keySpec,
    key_usage: record.keyUsage,
    origin: record.origin,
    multi_region: record.multiRegion,
    multi_region_role: record.multiRegionRole,
    primary_key_arn: record.primaryKeyArn,
    creation_date: iso(record.creationDate),
    deletion_date: iso(record.deletionDate),
    pending_window_days: record.pendingWindowDays,
    description: record.description,
    aliases: record.aliases,
    tags: record.tags,
    policy,
    policy_error: record.policyError,
    rotation_enabled: record.rotationEnabled,
    rotation_period_days: record.rotationPeriodDays,
    rotation_count: record.rotationCount,
    last_rotated_at: iso(record.lastRotatedAt),
    ...deriveKeyColumns(record, settings),
  };
}

export type ResourceRow = ReturnType<typeof resourceRow>;
export type KeyRow = ReturnType<typeof keyRow>;
