import type { Db } from "@/lib/db/client";
import { copyLine } from "./copy";
import type { KeyRow, ResourceRow } from "./rows";

// The one place version rows enter the database. Snapshots COPY new versions (copy*Versions):
// they are known to be new. Histories (the demo loader) upsert: rows travel as one JSON
// parameter unpacked by jsonb_to_recordset, one round trip per batch, and ON CONFLICT makes a
// reload of the same history idempotent.

const BATCH = 5_000;

const INSERT_RESOURCES_ROWS = `
INSERT INTO storage_resource_version (resource_arn, account_id, region, service, name, valid_from, valid_to,
  content_hash, size_bytes, encryption_class, sse_algorithm, key_ref, key_arn, key_state, bucket_key_enabled,
  tags, business_unit, environment, classification, application, owner, requires_cmk, non_compliant_reason)
SELECT r.resource_arn, r.account_id, r.region, r.service::"StorageService", r.name, r.valid_from, r.valid_to,
  r.content_hash, r.size_bytes, r.encryption_class::"EncryptionClass", r.sse_algorithm, r.key_ref, r.key_arn,
  r.key_state, r.bucket_key_enabled, r.tags, r.business_unit, r.environment, r.classification, r.application,
  r.owner, r.requires_cmk, r.non_compliant_reason::"NonCompliantReason"
FROM jsonb_to_recordset($1::jsonb) AS r(resource_arn text, account_id text, region text, service text, name text,
  valid_from date, valid_to date, content_hash text, size_bytes bigint, encryption_class text, sse_algorithm text,
  key_ref text, key_arn text, key_state text, bucket_key_enabled boolean, tags jsonb, business_unit text,
  environment text, classification text, application text, owner text, requires_cmk boolean, non_compliant_reason text)`;

const INSERT_RESOURCES = `${INSERT_RESOURCES_ROWS}
ON CONFLICT (resource_arn, valid_from) DO UPDATE SET
  valid_to = excluded.valid_to, content_hash = excluded.content_hash, account_id = excluded.account_id,
  region = excluded.region, service = excluded.service, name = excluded.name, size_bytes = excluded.size_bytes,
  encryption_class = excluded.encryption_class, sse_algorithm = excluded.sse_algorithm, key_ref = excluded.key_ref,
  key_arn = excluded.key_arn, key_state = excluded.key_state, bucket_key_enabled = excluded.bucket_key_enabled,
  tags = excluded.tags, business_unit = excluded.business_unit, environment = excluded.environment,
  classification = excluded.classification, application = excluded.application, owner = excluded.owner,
  requires_cmk = excluded.requires_cmk, non_compliant_reason = excluded.non_compliant_reason`;

const INSERT_KEYS_ROWS = `
INSERT INTO kms_key_version (key_arn, account_id, region, key_id, valid_from, valid_to, content_hash, key_manager,
  key_state, key_spec, key_usage, origin, multi_region, multi_region_role, primary_key_arn, creation_date,
  deletion_date, pending_window_days, description, aliases, tags, policy_hash, policy_error, rotation_enabled,
  rotation_period_days, rotation_count, last_rotated_at, next_rotation_date, business_unit, environment)
SELECT k.key_arn, k.account_id, k.region, k.key_id, k.valid_from, k.valid_to, k.content_hash,
  k.key_manager::"KeyManager", k.key_state, k.key_spec, k.key_usage, k.origin, k.multi_region, k.multi_region_role,
  k.primary_key_arn, k.creation_date, k.deletion_date, k.pending_window_days, k.description,
  ARRAY(SELECT jsonb_array_elements_text(k.aliases)), k.tags, k.policy_hash, k.policy_error, k.rotation_enabled,
  k.rotation_period_days, k.rotation_count, k.last_rotated_at, k.next_rotation_date, k.business_unit, k.environment
FROM jsonb_to_recordset($1::jsonb) AS k(key_arn text, account_id text, region text, key_id text, valid_from date,
  valid_to date, content_hash text, key_manager text, key_state text, key_spec text, key_usage text, origin text,
  multi_region boolean, multi_region_role text, primary_key_arn text, creation_date timestamptz,
  deletion_date timestamptz, pending_window_days int, description text, aliases jsonb, tags jsonb, policy_hash text,
  policy_error text, rotation_enabled boolean, rotation_period_days int, rotation_count int,
  last_rotated_at timestamptz, next_rotation_date timestamptz, business_unit text, environment text)`;

const INSERT_KEYS = `${INSERT_KEYS_ROWS}
ON CONFLICT (key_arn, valid_from) DO UPDATE SET
  valid_to = excluded.valid_to, content_hash = excluded.content_hash, key_state = excluded.key_state,
  key_spec = excluded.key_spec, key_usage = excluded.key_usage, origin = excluded.origin,
  multi_region = excluded.multi_region, multi_region_role = excluded.multi_region_role,
  primary_key_arn = excluded.primary_key_arn, creation_date = excluded.creation_date,
  deletion_date = excluded.deletion_date, pending_window_days = excluded.pending_window_days,
  description = excluded.description, aliases = excluded.aliases, tags = excluded.tags, policy_hash = excluded.policy_hash,
  policy_error = excluded.policy_error, rotation_enabled = excluded.rotation_enabled,
  rotation_period_days = excluded.rotation_period_days, rotation_count = excluded.rotation_count,
  last_rotated_at = excluded.last_rotated_at, next_rotation_date = excluded.next_rotation_date, business_unit = excluded.business_unit,
  environment = excluded.environment, key_manager = excluded.key_manager`;

type Executor = Pick<Db, "$executeRawUnsafe">;

async function inBatches<T>(rows: T[], sql: string, tx: Executor): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(i, i + BATCH)));
  }
}

/** Upserts version rows (histories; a reload of the same history rewrites the same rows). */
export function writeResourceVersions(tx: Executor, rows: ResourceRow[]): Promise<void> {
  return inBatches(rows, INSERT_RESOURCES, tx);
}

export function writeKeyVersions(tx: Executor, rows: KeyRow[]): Promise<void> {
  return inBatches(rows, INSERT_KEYS, tx);
}

// COPY columns of the snapshot path, in the order of the lines below.
export const RESOURCE_COLUMNS = [
  "resource_arn", "account_id", "region", "service", "name", "valid_from", "valid_to", "content_hash", "size_bytes",
  "encryption_class", "sse_algorithm", "key_ref", "key_arn", "key_state", "bucket_key_enabled", "tags",
  "business_unit", "environment", "classification", "application", "owner", "requires_cmk", "non_compliant_reason",
] as const satisfies readonly (keyof ResourceRow)[];

export const KEY_COLUMNS = [
  "key_arn", "account_id", "region", "key_id", "valid_from", "valid_to", "content_hash", "key_manager", "key_state",
  "key_spec", "key_usage", "origin", "multi_region", "multi_region_role", "primary_key_arn", "creation_date",
  "deletion_date", "pending_window_days", "description", "aliases", "tags", "policy_hash", "policy_error",
  "rotation_enabled", "rotation_period_days", "rotation_count", "last_rotated_at", "next_rotation_date", "business_unit",
  "environment",
] as const satisfies readonly (keyof KeyRow)[];

/** Snapshot COPY columns: the row's, then non_compliant_since, which depends on the version before. */
export const RESOURCE_COPY_COLUMNS = [...RESOURCE_COLUMNS, "non_compliant_since"] as const;

/** A new resource version as a COPY text line (columns RESOURCE_COPY_COLUMNS). */
export const resourceCopyLine = (row: ResourceRow, nonCompliantSince: string | null) => copyLine(row, RESOURCE_COLUMNS, nonCompliantSince);

/** A new key version as a COPY text line (columns KEY_COLUMNS). */
export const keyCopyLine = (row: KeyRow) => copyLine(row, KEY_COLUMNS);
