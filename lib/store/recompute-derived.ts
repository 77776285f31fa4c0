import type { Db } from "@/lib/db/client";
import type { EncryptionClass, Tags } from "@/lib/domain/records";
import type { PolicySettings } from "@/lib/settings/policy";
import { deriveKeyColumns, deriveResourceColumns } from "./derive";
import { refreshNonCompliantSince } from "./non-compliant-since";

// Rewrites the settings-derived columns of every version, history included, after a policy
// setting changed. Walks each table in primary key order (entity ARN, valid_from) in batches and
// updates only rows whose derived values differ, so a change that affects few rows writes few rows.

const BATCH = 20_000;

interface ResourceSlice {
  resource_arn: string;
  valid_from: string;
  tags: Tags;
  encryption_class: EncryptionClass;
  key_state: string | null;
  business_unit: string;
  environment: string;
  classification: string;
  application: string;
  owner: string;
  requires_cmk: boolean;
  non_compliant_reason: string | null;
}

const DERIVED_RESOURCE_COLUMNS = ["business_unit", "environment", "classification", "application", "owner", "requires_cmk", "non_compliant_reason"] as const;

// Where the next batch starts: after the last (ARN, valid_from) of the previous one; the first
// starts before every version (an empty ARN sorts first).
const after = (arnColumn: string) => `(${arnColumn}, valid_from) > ($1::text, $2::date)`;
const START: [string, string] = ["", "-infinity"];

export async function recomputeResourceDerived(db: Db, settings: PolicySettings): Promise<number> {
  let last = START;
  let updated = 0;
  for (;;) {
    const rows = await db.$queryRawUnsafe<ResourceSlice[]>(
      `SELECT resource_arn, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, tags, encryption_class::text AS encryption_class, key_state,
         ${DERIVED_RESOURCE_COLUMNS.join(", ")}, non_compliant_reason::text AS non_compliant_reason
       FROM storage_resource_version WHERE ${after("resource_arn")} ORDER BY resource_arn, valid_from LIMIT ${BATCH}`,
      ...last,
    );
    if (rows.length === 0) {
      if (updated) await refreshNonCompliantSince(db); // a re-derived reason can start or end a stretch
      return updated;
    }
    last = [rows[rows.length - 1]!.resource_arn, rows[rows.length - 1]!.valid_from];
    const changes = [];
    for (const row of rows) {
      const next = deriveResourceColumns(
        { tags: row.tags, encryptionClass: row.encryption_class } as Parameters<typeof deriveResourceColumns>[0],
        row.key_state,
        settings,
      );
      if (DERIVED_RESOURCE_COLUMNS.some((c) => next[c] !== row[c])) changes.push({ resource_arn: row.resource_arn, valid_from: row.valid_from, ...next });
    }
    if (changes.length) {
      await db.$executeRawUnsafe(
        `UPDATE storage_resource_version AS v SET business_unit = c.business_unit, environment = c.environment,
           classification = c.classification, application = c.application, owner = c.owner,
           requires_cmk = c.requires_cmk, non_compliant_reason = c.non_compliant_reason::"NonCompliantReason"
         FROM jsonb_to_recordset($1::jsonb) AS c(resource_arn text, valid_from date, business_unit text, environment text,
           classification text, application text, owner text, requires_cmk boolean, non_compliant_reason text)
         WHERE v.resource_arn = c.resource_arn AND v.valid_from = c.valid_from`,
        JSON.stringify(changes),
      );
      updated += changes.length;
    }
  }
}

interface KeySlice {
  key_arn: string;
  valid_from: string;
  tags: Tags;
  business_unit: string;
  environment: string;
}

export async function recomputeKeyDerived(db: Db, settings: PolicySettings): Promise<number> {
  let last = START;
  let updated = 0;
  for (;;) {
    const rows = await db.$queryRawUnsafe<KeySlice[]>(
      `SELECT key_arn, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, tags, business_unit, environment
       FROM kms_key_version WHERE ${after("key_arn")} ORDER BY key_arn, valid_from LIMIT ${BATCH}`,
      ...last,
    );
    if (rows.length === 0) return updated;
    last = [rows[rows.length - 1]!.key_arn, rows[rows.length - 1]!.valid_from];
    const changes = rows
      .map((row) => ({ row, next: deriveKeyColumns({ tags: row.tags } as Parameters<typeof deriveKeyColumns>[0], settings) }))
      .filter(({ row, next }) => next.business_unit !== row.business_unit || next.environment !== row.environment)
      .map(({ row, next }) => ({ key_arn: row.key_arn, valid_from: row.valid_from, ...next }));
    if (changes.length) {
      await db.$executeRawUnsafe(
        `UPDATE kms_key_version AS k SET business_unit = c.business_unit, environment = c.environment
         FROM jsonb_to_recordset($1::jsonb) AS c(key_arn text, valid_from date, business_unit text, environment text)
         WHERE k.key_arn = c.key_arn AND k.valid_from = c.valid_from`,
        JSON.stringify(changes),
      );
      updated += changes.length;
    }
  }
}
