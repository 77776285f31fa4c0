import type { Db } from "@/lib/db/client";
import type { EncryptionClass, Tags } from "@/lib/domain/records";
import type { PolicySettings } from "@/lib/settings/policy";
import { deriveKeyColumns, deriveResourceColumns } from "./derive";
import { refreshNonCompliantSince } from "./non-compliant-since";

// Rewrites the settings-derived columns of every version, history included, after a policy
// setting changed. Walks the table by id in batches and updates only rows whose derived values
// differ, so a change that affects few rows writes few rows.

const BATCH = 20_000;

interface ResourceSlice {
  id: bigint;
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

export async function recomputeResourceDerived(db: Db, settings: PolicySettings): Promise<number> {
  let lastId = 0n;
  let updated = 0;
  for (;;) {
    const rows = await db.$queryRawUnsafe<ResourceSlice[]>(
      `SELECT id, tags, encryption_class::text AS encryption_class, key_state, ${DERIVED_RESOURCE_COLUMNS.join(", ")}, non_compliant_reason::text AS non_compliant_reason
       FROM storage_resource_version WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      lastId,
    );
    if (rows.length === 0) {
      if (updated) await refreshNonCompliantSince(db); // a re-derived reason can start or end a stretch
      return updated;
    }
    lastId = rows[rows.length - 1]!.id;
    const changes = [];
    for (const row of rows) {
      const next = deriveResourceColumns(
        { tags: row.tags, encryptionClass: row.encryption_class } as Parameters<typeof deriveResourceColumns>[0],
        row.key_state,
        settings,
      );
      if (DERIVED_RESOURCE_COLUMNS.some((c) => next[c] !== row[c])) changes.push({ id: String(row.id), ...next });
    }
    if (changes.length) {
      await db.$executeRawUnsafe(
        `UPDATE storage_resource_version AS v SET business_unit = c.business_unit, environment = c.environment,
           classification = c.classification, application = c.application, owner = c.owner,
           requires_cmk = c.requires_cmk, non_compliant_reason = c.non_compliant_reason::"NonCompliantReason"
         FROM jsonb_to_recordset($1::jsonb) AS c(id bigint, business_unit text, environment text, classification text,
           application text, owner text, requires_cmk boolean, non_compliant_reason text)
         WHERE v.id = c.id`,
        JSON.stringify(changes),
      );
      updated += changes.length;
    }
  }
}

export async function recomputeKeyDerived(db: Db, settings: PolicySettings): Promise<number> {
  let lastId = 0n;
  let updated = 0;
  for (;;) {
    const rows = await db.$queryRawUnsafe<{ id: bigint; tags: Tags; business_unit: string; environment: string }[]>(
      `SELECT id, tags, business_unit, environment FROM kms_key_version WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      lastId,
    );
    if (rows.length === 0) return updated;
    lastId = rows[rows.length - 1]!.id;
    const changes = rows
      .map((row) => ({ row, next: deriveKeyColumns({ tags: row.tags } as Parameters<typeof deriveKeyColumns>[0], settings) }))
      .filter(({ row, next }) => next.business_unit !== row.business_unit || next.environment !== row.environment)
      .map(({ row, next }) => ({ id: String(row.id), ...next }));
    if (changes.length) {
      await db.$executeRawUnsafe(
        `UPDATE kms_key_version AS k SET business_unit = c.business_unit, environment = c.environment
         FROM jsonb_to_recordset($1::jsonb) AS c(id bigint, business_unit text, environment text) WHERE k.id = c.id`,
        JSON.stringify(changes),
      );
      updated += changes.length;
    }
  }
}
