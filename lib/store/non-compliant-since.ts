import type { Db } from "@/lib/db/client";

// storage_resource_version.non_compliant_since: the start of the uninterrupted non-compliant
// stretch a version belongs to (null for a compliant version). A stretch survives a change of
// reason and is broken by a compliant version or a gap in which the resource did not exist, so
// a resource's since values depend on its whole history: they are recomputed per resource, set
// based (gaps and islands), by whoever writes or re-derives versions. The backfill in
// prisma/migrations/20261123090000_non_compliant_since ran the same query when versions had an id.

type Executor = Pick<Db, "$executeRawUnsafe">;

// A non-compliant version starts a stretch unless the version just before it ends the day it
// begins and is non-compliant too; a version's since is the latest stretch start up to it.
const refreshSql = (scope: string) => `
WITH flagged AS (
  SELECT resource_arn, valid_from, non_compliant_reason IS NOT NULL AS nc,
    CASE WHEN non_compliant_reason IS NOT NULL
          AND NOT coalesce(lag(valid_to) OVER w = valid_from AND lag(non_compliant_reason) OVER w IS NOT NULL, false)
         THEN valid_from END AS stretch_start
  FROM storage_resource_version ${scope}
  WINDOW w AS (PARTITION BY resource_arn ORDER BY valid_from)
), stretched AS (
  SELECT resource_arn, valid_from, CASE WHEN nc THEN max(stretch_start) OVER (PARTITION BY resource_arn ORDER BY valid_from) END AS since
  FROM flagged
)
UPDATE storage_resource_version AS v SET non_compliant_since = s.since
FROM stretched AS s WHERE v.resource_arn = s.resource_arn AND v.valid_from = s.valid_from
  AND v.non_compliant_since IS DISTINCT FROM s.since`;

const ALL = refreshSql("");
const SOME = refreshSql("WHERE resource_arn = ANY($1::text[])");

/**
 * Recomputes non_compliant_since for every version of the given resources (of all resources
 * when omitted) and writes only the values that differ; returns how many rows it wrote.
 * Call it after writing versions, in the same transaction, with the resources whose versions
 * were added or whose derived columns changed.
 */
export async function refreshNonCompliantSince(tx: Executor, opts: { resourceArns?: string[] } = {}): Promise<number> {
  if (!opts.resourceArns) return tx.$executeRawUnsafe(ALL);
  if (opts.resourceArns.length === 0) return 0;
  return tx.$executeRawUnsafe(SOME, [...new Set(opts.resourceArns)]);
}
