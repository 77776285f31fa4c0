import type { Db } from "@/lib/db/client";
import type { InventorySnapshot } from "@/lib/domain/records";
import type { PolicySettings } from "@/lib/settings/policy";
import { storeKeyUsage } from "./key-usage";
import { keyContentHash, keyRow, resourceContentHash, resourceRow } from "./rows";
import { OPEN_END, type Day, type SnapshotStoreResult } from "./types";
import { writeKeyVersions, writeResourceVersions } from "./write-versions";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Stores one account-region snapshot for `day` in one transaction: versions whose content
 * changed are closed at `day` and reopened with the new content, missing ones are closed, new
 * ones start. A rerun of the same day first undoes that day's earlier snapshot of this scope,
 * so it replaces it. Any failure rolls back and leaves the previous data as it was.
 */
export async function storeInventorySnapshot(
  db: Db,
  args: { day: Day; runId: string | null; snapshot: InventorySnapshot; settings: PolicySettings },
): Promise<SnapshotStoreResult> {
  const { day, snapshot, settings } = args;
  const scope = [snapshot.accountId, snapshot.region] as const;
  return db.$transaction(
    async (tx) => {
      // One writer per scope at a time (two workers could be handed the same unit on a retry).
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, `inventory:${scope.join(":")}`);
      await refuseBackdating(tx, scope, day);
      await undoSameDay(tx, scope, day);

      const keyStates = await keyStatesFor(tx, snapshot);
      const currentKeys = await currentHashes(tx, "kms_key_version", "key_arn", scope);
      const keyDiff = diff(
        currentKeys,
        snapshot.keys.map((k) => {
          const hash = keyContentHash(k);
          return { id: k.keyArn, hash, item: { record: k, hash } };
        }),
      );
      const currentResources = await currentHashes(tx, "storage_resource_version", "resource_arn", scope);
      const resourceDiff = diff(
        currentResources,
        snapshot.resources.map((r) => {
          const keyState = r.keyArn ? (keyStates.get(r.keyArn) ?? null) : null;
          const hash = resourceContentHash(r, keyState);
          return { id: r.resourceArn, hash, item: { record: r, keyState, hash } };
        }),
      );

      await closeVersions(tx, "kms_key_version", keyDiff.close, day);
      await closeVersions(tx, "storage_resource_version", resourceDiff.close, day);
      // undoSameDay removed every row of this scope starting today: plain inserts suffice.
      await writeKeyVersions(tx, keyDiff.open.map((k) => keyRow(k.record, day, null, settings, k.hash)), true);
      await writeResourceVersions(tx, resourceDiff.open.map((r) => resourceRow(r.record, r.keyState, day, null, settings, r.hash)), true);
      await storeKeyUsage(tx, day, snapshot.keyUsage);
      await tx.$executeRawUnsafe(
        `INSERT INTO scope_freshness (account_id, region, source, last_good_day, last_run_id, updated_at)
         VALUES ($1, $2, 'inventory', $3::date, $4::uuid, now())
         ON CONFLICT (account_id, region, source) DO UPDATE SET last_good_day = excluded.last_good_day,
           last_run_id = excluded.last_run_id, updated_at = now()`,
        scope[0],
        scope[1],
        day,
        args.runId,
      );
      return { keys: keyDiff.counts, resources: resourceDiff.counts };
    },
    { timeout: 600_000, maxWait: 120_000 },
  );
}

async function refuseBackdating(tx: Tx, scope: readonly [string, string], day: Day): Promise<void> {
  for (const table of ["kms_key_version", "storage_resource_version"] as const) {
    const rows = await tx.$queryRawUnsafe<{ latest: Date | null }[]>(
      `SELECT max(valid_from) AS latest FROM ${table} WHERE account_id = $1 AND region = $2`,
      ...scope,
    );
    const latest = rows[0]?.latest;
    if (latest && latest.toISOString().slice(0, 10) > day) {
      throw new Error(`${scope.join("/")} already has a snapshot for ${latest.toISOString().slice(0, 10)}; a snapshot for ${day} would rewrite history`);
    }
  }
}

async function undoSameDay(tx: Tx, scope: readonly [string, string], day: Day): Promise<void> {
  for (const table of ["kms_key_version", "storage_resource_version"] as const) {
    await tx.$executeRawUnsafe(`DELETE FROM ${table} WHERE account_id = $1 AND region = $2 AND valid_from = $3::date`, ...scope, day);
    await tx.$executeRawUnsafe(
      `UPDATE ${table} SET valid_to = $4::date WHERE account_id = $1 AND region = $2 AND valid_to = $3::date`,
      ...scope,
      day,
      OPEN_END,
    );
  }
}

/** States of the keys resources point at: this snapshot's keys first, then the stored inventory. */
async function keyStatesFor(tx: Tx, snapshot: InventorySnapshot): Promise<Map<string, string>> {
  const states = new Map(snapshot.keys.map((k) => [k.keyArn, k.keyState]));
  const missing = [...new Set(snapshot.resources.map((r) => r.keyArn).filter((a): a is string => !!a && !states.has(a)))];
  if (missing.length) {
    const rows = await tx.$queryRawUnsafe<{ key_arn: string; key_state: string }[]>(
      `SELECT key_arn, key_state FROM kms_key_version WHERE valid_to = $2::date AND key_arn IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      JSON.stringify(missing),
      OPEN_END,
    );
    for (const r of rows) states.set(r.key_arn, r.key_state);
  }
  return states;
}

async function currentHashes(tx: Tx, table: string, idColumn: string, scope: readonly [string, string]): Promise<Map<string, { rowId: bigint; hash: string }>> {
  // One JSON value instead of one result row per entity: per-row result decoding dominated
  // this query for large scopes.
  const rows = await tx.$queryRawUnsafe<{ current: string | null }[]>(
    `SELECT json_agg(json_build_array(id::text, ${idColumn}, content_hash))::text AS current
     FROM ${table} WHERE account_id = $1 AND region = $2 AND valid_to = $3::date`,
    ...scope,
    OPEN_END,
  );
  const current = JSON.parse(rows[0]?.current ?? "[]") as [string, string, string][];
  return new Map(current.map(([rowId, entity, hash]) => [entity, { rowId: BigInt(rowId), hash }]));
}

function diff<T>(current: Map<string, { rowId: bigint; hash: string }>, incoming: { id: string; hash: string; item: T }[]) {
  const close: bigint[] = [];
  const open: T[] = [];
  const counts = { unchanged: 0, changed: 0, added: 0, removed: 0 };
  const seen = new Set<string>();
  for (const { id, hash, item } of incoming) {
    if (seen.has(id)) continue; // a record listed twice (paginated overlap) is one entity
    seen.add(id);
    const existing = current.get(id);
    if (!existing) {
      counts.added++;
      open.push(item);
    } else if (existing.hash !== hash) {
      counts.changed++;
      close.push(existing.rowId);
      open.push(item);
    } else counts.unchanged++;
  }
  for (const [id, existing] of current) {
    if (!seen.has(id)) {
      counts.removed++;
      close.push(existing.rowId);
    }
  }
  return { close, open, counts };
}

async function closeVersions(tx: Tx, table: string, rowIds: bigint[], day: Day): Promise<void> {
  if (rowIds.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE ${table} SET valid_to = $2::date WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)::bigint)`,
    JSON.stringify(rowIds.map(String)),
    day,
  );
}
