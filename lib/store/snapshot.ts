import type pg from "pg";
import type { Db } from "@/lib/db/client";
import type { InventorySnapshot } from "@/lib/domain/records";
import type { PolicySettings } from "@/lib/settings/policy";
import { copyInto, inChunks, prepareChunks } from "./copy";
import { SnapshotDiff, UNCHANGED } from "./diff";
import { storeKeyUsage } from "./key-usage";
import { sqlExecutor, withPgTransaction } from "./pg-tx";
import { storeKeyPolicies } from "./key-policies";
import { keyContentHash, keyPolicyText, keyRow, legacyKeyContentHash, resourceContentHash, resourceRow, type KeyPolicyText } from "./rows";
import { type SnapshotStoreResult } from "./types";
import { KEY_COLUMNS, RESOURCE_COPY_COLUMNS, keyCopyLine, resourceCopyLine } from "./write-versions";
import { OPEN_END, type Day } from "@/lib/domain/days";

type Scope = readonly [accountId: string, region: string];
type VersionTable = "kms_key_version" | "storage_resource_version";
const ENTITY = { kms_key_version: "key_arn", storage_resource_version: "resource_arn" } as const;

/**
 * Stores one account-region snapshot for `day` in one transaction: versions whose content
 * changed are closed at `day` and reopened with the new content, missing ones are closed, new
 * ones start. A rerun of the same day first undoes that day's earlier snapshot of this scope,
 * so it replaces it. Any failure rolls back and leaves the previous data as it was.
 *
 * The transaction runs on a pg connection (lib/store/pg-tx.ts) so that new versions enter by
 * COPY; `tx` below offers Prisma's raw methods on that same transaction.
 */
export async function storeInventorySnapshot(
  db: Db,
  args: { day: Day; runId: string | null; snapshot: InventorySnapshot; settings: PolicySettings },
): Promise<SnapshotStoreResult> {
  const { day, snapshot, settings } = args;
  const scope: Scope = [snapshot.accountId, snapshot.region];
  return withPgTransaction(db, async (client) => {
    const tx = sqlExecutor(client);
    // One writer per scope at a time (two workers could be handed the same unit on a retry).
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`inventory:${scope.join(":")}`]);
    await refuseBackdating(client, scope, day);
    await undoSameDay(client, scope, day);
    const [keyStates, currentKeys, currentResources] = await Promise.all([
      keyStatesFor(client, snapshot),
      currentVersions(client, "kms_key_version", scope),
      currentVersions(client, "storage_resource_version", scope),
    ]);

    // undoSameDay removed every row of this scope starting today: the new versions are new rows.
    // Postgres takes longer to insert a resource version than Node takes to build it, and Node
    // takes longer to build a key version (policy, hashes) than Postgres to insert it; so the key
    // versions are built in slices while the resource COPY runs (prepareChunks), and their COPY
    // that follows only sends them. Resource lines are built as the connection drains.
    const keyDiff = new SnapshotDiff(currentKeys);
    const newPolicies: KeyPolicyText[] = [];
    const keyChunks = prepareChunks(newKeyLines(snapshot, keyDiff, day, settings, newPolicies));
    keyChunks.catch(() => {}); // a failed resource COPY must not leave this rejection unhandled; awaited below
    const resourceDiff = new SnapshotDiff(currentResources);
    await copyInto(client, "storage_resource_version", RESOURCE_COPY_COLUMNS, inChunks(newResourceLines(snapshot, keyStates, resourceDiff, day, settings)));
    const keyLines = await keyChunks;
    await storeKeyPolicies(tx, newPolicies); // before the versions that name them
    await copyInto(client, "kms_key_version", KEY_COLUMNS, keyLines);
    await rehashKeyVersions(client, scope, day, keyDiff.rehash, snapshot);
    await closeVersions(client, "kms_key_version", scope, day, keyDiff.finish().close);
    await closeVersions(client, "storage_resource_version", scope, day, resourceDiff.finish().close);
    await storeKeyUsage(tx, day, snapshot.keyUsage);
    await client.query(
      `INSERT INTO scope_freshness (account_id, region, source, last_good_day, last_run_id, updated_at)
       VALUES ($1, $2, 'inventory', $3::date, $4::uuid, now())
       ON CONFLICT (account_id, region, source) DO UPDATE SET last_good_day = excluded.last_good_day,
         last_run_id = excluded.last_run_id, updated_at = now()`,
      [scope[0], scope[1], day, args.runId],
    );
    return { keys: keyDiff.counts, resources: resourceDiff.counts };
  });
}

/** New key versions as COPY lines; the policies they name are added to `policies`. */
function* newKeyLines(snapshot: InventorySnapshot, diff: SnapshotDiff, day: Day, settings: PolicySettings, policies: KeyPolicyText[]) {
  for (const k of snapshot.keys) {
    const policy = keyPolicyText(k);
    const hash = keyContentHash(k, policy);
    if (diff.opens(k.keyArn, hash, (stored) => legacyKeyContentHash(k, stored, policy)) === UNCHANGED) continue;
    if (policy) policies.push(policy);
    yield keyCopyLine(keyRow(k, day, null, settings, policy, hash));
  }
}

function* newResourceLines(snapshot: InventorySnapshot, keyStates: Map<string, string>, diff: SnapshotDiff, day: Day, settings: PolicySettings) {
  for (const r of snapshot.resources) {
    const keyState = r.keyArn ? (keyStates.get(r.keyArn) ?? null) : null;
    const hash = resourceContentHash(r, keyState);
    const previousSince = diff.opens(r.resourceArn, hash);
    if (previousSince === UNCHANGED) continue;
    const row = resourceRow(r, keyState, day, null, settings, hash);
    // non_compliant_since (lib/store/non-compliant-since.ts) without a recomputation: a replaced
    // version ends today, so a non-compliant stretch continues when it was non-compliant too; a
    // new resource, or one back after a gap, starts one today.
    yield resourceCopyLine(row, row.non_compliant_reason === null ? null : (previousSince ?? day));
  }
}

async function refuseBackdating(client: pg.ClientBase, scope: Scope, day: Day): Promise<void> {
  const { rows } = await client.query<{ latest: string | null }>(
    `SELECT to_char(greatest((SELECT max(valid_from) FROM kms_key_version WHERE account_id = $1 AND region = $2),
       (SELECT max(valid_from) FROM storage_resource_version WHERE account_id = $1 AND region = $2)), 'YYYY-MM-DD') AS latest`,
    [...scope],
  );
  const latest = rows[0]?.latest;
  if (latest && latest > day) {
    throw new Error(`${scope.join("/")} already has a snapshot for ${latest}; a snapshot for ${day} would rewrite history`);
  }
}

async function undoSameDay(client: pg.ClientBase, scope: Scope, day: Day): Promise<void> {
  for (const table of ["kms_key_version", "storage_resource_version"] as const) {
    await client.query(`DELETE FROM ${table} WHERE account_id = $1 AND region = $2 AND valid_from = $3::date`, [...scope, day]);
    await client.query(`UPDATE ${table} SET valid_to = $4::date WHERE account_id = $1 AND region = $2 AND valid_to = $3::date`, [...scope, day, OPEN_END]);
  }
}

/** States of the keys resources point at: this snapshot's keys first, then the stored inventory. */
async function keyStatesFor(client: pg.ClientBase, snapshot: InventorySnapshot): Promise<Map<string, string>> {
  const states = new Map(snapshot.keys.map((k) => [k.keyArn, k.keyState]));
  const missing = [...new Set(snapshot.resources.map((r) => r.keyArn).filter((a): a is string => !!a && !states.has(a)))];
  if (missing.length) {
    const { rows } = await client.query<[string, string]>({
      text: `SELECT key_arn, key_state FROM kms_key_version WHERE valid_to = $2::date AND key_arn = ANY($1::text[])`,
      values: [missing, OPEN_END],
      rowMode: "array",
    });
    for (const [arn, state] of rows) states.set(arn, state);
  }
  return states;
}

/**
 * The current version of each entity of the scope: entity id, content hash and, for resources,
 * the non-compliant stretch start of a non-compliant version.
 */
async function currentVersions(client: pg.ClientBase, table: VersionTable, scope: Scope): Promise<[string, string, string | null][]> {
  const since =
    table === "storage_resource_version"
      ? `CASE WHEN non_compliant_reason IS NOT NULL THEN to_char(coalesce(non_compliant_since, valid_from), 'YYYY-MM-DD') END`
      : "NULL";
  const { rows } = await client.query<[string, string, string | null]>({
    text: `SELECT ${ENTITY[table]}, content_hash, ${since} FROM ${table} WHERE account_id = $1 AND region = $2 AND valid_to = $3::date`,
    values: [...scope, OPEN_END],
    rowMode: "array",
  });
  return rows;
}

// Versions are named by entity and first day (no surrogate id). The versions the two statements
// below touch are the scope's current ones that began before `day`: by then the new versions of
// `day` are in too, current as well, and must stay as they are. The scope bounds what the planner
// may scan to this account-region's current versions, however large the tables grow.
const CURRENT_BEFORE = `v.account_id = $1 AND v.region = $2 AND v.valid_to = $3::date AND v.valid_from < $4::date`;

/**
 * Stores the current form of the hash of unchanged key versions that had an older one, with the
 * fields the older form did not cover (next_rotation_date, absent before form 4: lib/store/rows.ts).
 */
async function rehashKeyVersions(client: pg.ClientBase, scope: Scope, day: Day, rows: [entity: string, hash: string][], snapshot: InventorySnapshot): Promise<void> {
  if (rows.length === 0) return;
  const nextRotation = new Map(snapshot.keys.map((k) => [k.keyArn, k.nextRotationDate?.toISOString() ?? null]));
  await client.query(
    `UPDATE kms_key_version AS v SET content_hash = u.hash, next_rotation_date = u.next_rotation
     FROM unnest($5::text[], $6::text[], $7::timestamptz[]) AS u(entity, hash, next_rotation)
     WHERE v.key_arn = u.entity AND ${CURRENT_BEFORE}`,
    [...scope, OPEN_END, day, rows.map(([entity]) => entity), rows.map(([, hash]) => hash), rows.map(([entity]) => nextRotation.get(entity) ?? null)],
  );
}

async function closeVersions(client: pg.ClientBase, table: VersionTable, scope: Scope, day: Day, entities: string[]): Promise<void> {
  if (entities.length === 0) return;
  await client.query(
    `UPDATE ${table} AS v SET valid_to = $4::date WHERE v.${ENTITY[table]} = ANY($5::text[]) AND ${CURRENT_BEFORE}`,
    [...scope, OPEN_END, day, entities],
  );
}
