import type { Db } from "@/lib/db/client";

/**
 * Rows a settings recompute walks: resource and key versions plus daily cost rows. Feeds the
 * rough duration shown before a save (recompute-estimate.ts); estimates from pg_class would do,
 * but a count is exact and these tables are small enough (an index-only scan each).
 */
export async function countHistoryRows(db: Db): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT (SELECT count(*) FROM storage_resource_version) + (SELECT count(*) FROM kms_key_version)
          + (SELECT count(*) FROM kms_cost_daily) AS n`,
  );
  return Number(rows[0]?.n ?? 0);
}
