import type { Db } from "@/lib/db/client";
import type { PolicySettings } from "@/lib/settings/policy";
import { refreshNonCompliantSince } from "./non-compliant-since";
import { storeKeyPolicies } from "./key-policies";
import { keyPolicyText, keyRow, resourceRow } from "./rows";
import type { VersionedKey, VersionedResource } from "./types";
import { writeKeyVersions, writeResourceVersions } from "./write-versions";

/**
 * Writes known histories (version intervals) directly: the demo generator's path, which knows
 * what changed and when, so it need not replay 400 daily snapshots. Ingestion reaches the same
 * row writer through storeInventorySnapshot, which derives the intervals by diffing.
 */
export async function storeInventoryHistory(
  db: Db,
  batch: { keys: VersionedKey[]; resources: VersionedResource[] },
  settings: PolicySettings,
): Promise<void> {
  const policies = batch.keys.map((v) => keyPolicyText(v.record));
  const keyRows = batch.keys.map((v, i) => keyRow(v.record, v.validFrom, v.validTo, settings, policies[i]));
  const resourceRows = batch.resources.map((v) => resourceRow(v.record, v.keyState, v.validFrom, v.validTo, settings));
  await db.$transaction(
    async (tx) => {
      await storeKeyPolicies(tx, policies);
      await writeKeyVersions(tx, keyRows);
      await writeResourceVersions(tx, resourceRows);
      await refreshNonCompliantSince(tx, { resourceArns: resourceRows.map((r) => r.resource_arn) });
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
