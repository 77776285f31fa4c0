import { hash as oneShotHash } from "node:crypto";
import stringify from "safe-stable-stringify";
import type { KmsKeyRecord, StorageResourceRecord } from "@/lib/domain/records";
import type { PolicySettings } from "@/lib/settings/policy";
import { deriveKeyColumns, deriveResourceColumns } from "./derive";
import { OPEN_END, type Day } from "@/lib/domain/days";

// Records → rows for COPY and jsonb_to_recordset inserts (snake_case, JSON-safe). The content hash covers
// everything ingested (not the derived columns), so a snapshot only writes a new version when
// AWS reported something different.

// Change detection only (not security): the one-shot sha1 is the cheapest digest Node offers.
const digest = (text: string) => oneShotHash("sha1", text, "base64");

// A policy document's name in kms_key_policy: sha256, because a name must not collide even on
// purpose (anyone allowed kms:PutKeyPolicy writes documents), and Postgres has it built in (no sha1
// without pgcrypto) for the migration that moved the stored documents.
const policyDigest = (text: string) => oneShotHash("sha256", text, "base64");

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

// Keys: fixed field order, tags sorted, aliases as the collector sorts them, and the policy by the
// hash of its JSON text (the policy is stored once per distinct document, kms_key_policy, under
// that hash; GetKeyPolicy returns the document as stored, so its text changes only when the
// policy does). Earlier forms stay recognisable (legacyKeyContentHash): a snapshot that finds one
// compares the record in that form and upgrades the stored hash in place instead of opening a
// new version of every key. Form 1 (no prefix, until 2026-11-30) ran the whole record through a
// generic canonical stringify; form 2 hashed the policy text inside the record's JSON, escaping
// ~1 kB of quotes a key on every daily snapshot; form 3 had no next rotation date.
//
// Form 4 covers nextRotationDate (GetKeyRotationStatus), so the hash keeps covering everything
// ingested and history shows when KMS's schedule moved. It moves with a field already hashed
// (a scheduled rotation changes rotationCount, enabling rotation or a new period the rotation
// fields), so it adds no versions of its own. Versions stored in form 3 have no next rotation
// date yet: the first snapshot after the upgrade matches them in form 3 and fills the date in
// place together with the new hash (lib/store/snapshot.ts rehashKeyVersions), opening no version.
const KEY_HASH_FORMAT = "4:";
const KEY_HASH_FORMAT_3 = "3:";
const KEY_HASH_FORMAT_2 = "2:";

/** A key's policy as the version stores it: the JSON text, and its hash (kms_key_policy's key). */
export interface KeyPolicyText {
  text: string;
  hash: string;
}

/**
 * The key policy serialized once per key: the content hash covers it by hash, and the text is
 * stored once per distinct document (a console-style policy is ~1 kB, and most keys of an
 * account share one of a few).
 */
export function keyPolicyText(record: KmsKeyRecord): KeyPolicyText | null {
  if (record.policy == null) return null;
  const text = JSON.stringify(record.policy);
  return { text, hash: policyDigest(text) };
}

function keyCanonical(r: KmsKeyRecord, policy: string | null): unknown[] {
  return [
    r.keyArn, r.accountId, r.region, r.keyId, r.keyManager, r.keyState, r.keySpec, r.keyUsage, r.origin,
    r.multiRegion, r.multiRegionRole, r.primaryKeyArn, r.creationDate, r.deletionDate, r.pendingWindowDays,
    r.description, r.aliases, sortedTags(r.tags), policy, r.policyError, r.rotationEnabled,
    r.rotationPeriodDays, r.rotationCount, r.lastRotatedAt,
  ];
}

export function keyContentHash(r: KmsKeyRecord, policy: KeyPolicyText | null = keyPolicyText(r)): string {
  return KEY_HASH_FORMAT + digest(JSON.stringify([...keyCanonical(r, policy?.hash ?? null), r.nextRotationDate]));
}

/** The hash `record` has in the form of `stored` when that is an earlier form; null when it is the current one. */
export function legacyKeyContentHash(record: KmsKeyRecord, stored: string, policy: KeyPolicyText | null = keyPolicyText(record)): string | null {
  if (stored.startsWith(KEY_HASH_FORMAT)) return null;
  if (stored.startsWith(KEY_HASH_FORMAT_3)) return KEY_HASH_FORMAT_3 + digest(JSON.stringify(keyCanonical(record, policy?.hash ?? null)));
  if (stored.startsWith(KEY_HASH_FORMAT_2)) return KEY_HASH_FORMAT_2 + digest(JSON.stringify(keyCanonical(record, policy?.text ?? null)));
  // Form 1 stringified the whole record, which then had no next rotation date.
  const { nextRotationDate: _added, ...form1Record } = record;
  return digest(stringify(form1Record) ?? "");
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
  policy: KeyPolicyText | null = keyPolicyText(record),
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
    policy_hash: policy?.hash ?? null,
    policy_error: record.policyError,
    rotation_enabled: record.rotationEnabled,
    rotation_period_days: record.rotationPeriodDays,
    rotation_count: record.rotationCount,
    last_rotated_at: iso(record.lastRotatedAt),
    next_rotation_date: iso(record.nextRotationDate),
    ...deriveKeyColumns(record, settings),
  };
}

export type ResourceRow = ReturnType<typeof resourceRow>;
export type KeyRow = ReturnType<typeof keyRow>;
