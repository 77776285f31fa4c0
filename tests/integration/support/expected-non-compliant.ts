import type { Db } from "@/lib/db/client";
import type { Day } from "@/lib/domain/days";

/**
 * Non-compliant resources on `day` of the demo organization under a list of classifications
 * requiring a CMK (default tag keys and production values), from raw tags in SQL: what the
 * settings-derived figures must say once recomputed.
 */
export async function expectedNonCompliant(db: Db, day: Day, classifications: string[]): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM storage_resource_version WHERE valid_from <= $1::date AND valid_to > $1::date AND (
       (encryption_class = 'CUSTOMER_KMS' AND key_state IN ('Disabled', 'PendingDeletion'))
       OR (encryption_class <> 'CUSTOMER_KMS' AND (lower(trim(tags->>'env')) IN ('prod', 'production')
           OR lower(trim(tags->>'data-classification')) = ANY($2::text[]))))`,
    day,
    classifications,
  );
  return row!.n;
}
