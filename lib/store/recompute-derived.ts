import type { Db } from "@/lib/db/client";
import type { EncryptionClass, Tags } from "@/lib/domain/records";
import type { PolicySettings } from "@/lib/settings/policy";
import { deriveKeyColumns, deriveResourceColumns } from "./derive";
import { refreshNonCompliantSince } from "./non-compliant-since";

// Rewrites the settings-derived columns of every version, history included, after a policy
// setting changed, writing only rows whose derived values differ, so a change that affects few
// rows writes few rows.
//
// Resource versions (over a million in a large organization's history) are derived per distinct
// combination of what the derivation reads - the values of the five dimension tags, the
// encryption class and the key state - not per row: the combinations are few (business units ×
// environments × ... as tagged), each is derived once in JS by the same deriveResourceColumns the
// ingestion uses, and one set-based UPDATE joins every version to its combination. Reading and
// rewriting the history in batches of rows through JS took minutes at that size. Key versions are
// few; they are walked in primary key order in batches.

const BATCH = 20_000;

/** How a combination names a value in SQL and JS: "" for an absent tag, else its JSON text. */
const tagSlot = (param: number) => `coalesce((v.tags -> $${param}::text)::text, '')`;
/** "" for no key state (null), else "=" and the state: every present state, "" included, differs from null. */
const KEY_STATE_SLOT = `CASE WHEN v.key_state IS NULL THEN '' ELSE '=' || v.key_state END`;

const SLOTS = ["t0", "t1", "t2", "t3", "t4"] as const;
const DERIVED_RESOURCE_COLUMNS = ["business_unit", "environment", "classification", "application", "owner", "requires_cmk", "non_compliant_reason"] as const;
type Derived = ReturnType<typeof deriveResourceColumns>;

/** What the derivation reads (t0..t4, class, key state) and what is stored now (s_*; a null reason as ""). */
interface Combination {
  t0: string;
  t1: string;
  t2: string;
  t3: string;
  t4: string;
  encryption_class: EncryptionClass;
  key_state: string;
  s_business_unit: string;
  s_environment: string;
  s_classification: string;
  s_application: string;
  s_owner: string;
  s_requires_cmk: boolean;
  s_non_compliant_reason: string;
}

const STORED = `v.business_unit AS s_business_unit, v.environment AS s_environment, v.classification AS s_classification,
  v.application AS s_application, v.owner AS s_owner, v.requires_cmk AS s_requires_cmk, coalesce(v.non_compliant_reason::text, '') AS s_non_compliant_reason`;

/** A version belongs to a row of $6 when what it reads and what it stores both match. */
const JOIN_COMBINATION = `${SLOTS.map((t, i) => `${tagSlot(i + 1)} = m.${t}`).join(" AND ")}
  AND v.encryption_class::text = m.encryption_class AND ${KEY_STATE_SLOT} = m.key_state
  AND v.business_unit = m.s_business_unit AND v.environment = m.s_environment AND v.classification = m.s_classification
  AND v.application = m.s_application AND v.owner = m.s_owner AND v.requires_cmk = m.s_requires_cmk
  AND coalesce(v.non_compliant_reason::text, '') = m.s_non_compliant_reason`;
const COMBINATIONS = `jsonb_to_recordset($6::jsonb) AS m(${SLOTS.map((t) => `${t} text`).join(", ")}, encryption_class text, key_state text,
  s_business_unit text, s_environment text, s_classification text, s_application text, s_owner text, s_requires_cmk boolean, s_non_compliant_reason text,
  business_unit text, environment text, classification text, application text, owner text, requires_cmk boolean, non_compliant_reason text)`;

/** Above this many resources whose reason changed, all since values are refreshed in one pass. */
const MANY_REASONS = 50_000;

export async function recomputeResourceDerived(db: Db, settings: PolicySettings): Promise<number> {
  const tagKeys = [settings.businessUnitTagKey, settings.environmentTagKey, settings.classificationTagKey, settings.applicationTagKey, settings.ownerTagKey];
  const combinations = await db.$queryRawUnsafe<Combination[]>(
    `SELECT DISTINCT ${SLOTS.map((t, i) => `${tagSlot(i + 1)} AS ${t}`).join(", ")}, v.encryption_class::text AS encryption_class, ${KEY_STATE_SLOT} AS key_state, ${STORED}
     FROM storage_resource_version AS v`,
    ...tagKeys,
  );
  const changed: Array<Combination & Derived> = [];
  for (const c of combinations) {
    // The tags as the derivation sees them: only the five keys it reads, with their stored values
    // (a non-string value stays one: tagValue ignores it). fromEntries makes every key an own property.
    const tags = Object.fromEntries(tagKeys.flatMap((key, i) => (c[SLOTS[i]!] === "" ? [] : [[key, JSON.parse(c[SLOTS[i]!]) as unknown]])));
    const keyState = c.key_state === "" ? null : c.key_state.slice(1);
    const next = deriveResourceColumns({ tags, encryptionClass: c.encryption_class } as unknown as Parameters<typeof deriveResourceColumns>[0], keyState, settings);
    const stored = (column: (typeof DERIVED_RESOURCE_COLUMNS)[number]) => (column === "non_compliant_reason" ? c.s_non_compliant_reason || null : c[`s_${column}`]);
    if (DERIVED_RESOURCE_COLUMNS.some((column) => next[column] !== stored(column))) changed.push({ ...c, ...next });
  }
  if (changed.length === 0) return 0;
  // A changed reason can start or end a non-compliant stretch: those resources' since values are
  // refreshed afterwards (all of them when most changed: one pass beats a list of a million).
  const reasonChanges = changed.filter((c) => (c.non_compliant_reason ?? "") !== c.s_non_compliant_reason);
  const reasonChanged = reasonChanges.length
    ? await db.$queryRawUnsafe<{ resource_arn: string }[]>(
        `SELECT DISTINCT v.resource_arn FROM storage_resource_version AS v, ${COMBINATIONS} WHERE ${JOIN_COMBINATION} LIMIT ${MANY_REASONS + 1}`,
        ...tagKeys,
        JSON.stringify(reasonChanges),
      )
    : [];
  const updated = await db.$executeRawUnsafe(
    `UPDATE storage_resource_version AS v SET business_unit = m.business_unit, environment = m.environment,
       classification = m.classification, application = m.application, owner = m.owner,
       requires_cmk = m.requires_cmk, non_compliant_reason = m.non_compliant_reason::"NonCompliantReason"
     FROM ${COMBINATIONS}
     WHERE ${JOIN_COMBINATION}`,
    ...tagKeys,
    JSON.stringify(changed),
  );
  if (reasonChanged.length > MANY_REASONS) await refreshNonCompliantSince(db);
  else if (reasonChanged.length) await refreshNonCompliantSince(db, { resourceArns: reasonChanged.map((r) => r.resource_arn) });
  return updated;
}

// Where the next batch starts: after the last (ARN, valid_from) of the previous one; the first
// starts before every version (an empty ARN sorts first).
const after = (arnColumn: string) => `(${arnColumn}, valid_from) > ($1::text, $2::date)`;
const START: [string, string] = ["", "-infinity"];

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
