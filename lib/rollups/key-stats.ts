// key_current_stats: per key, the number of current storage resources whose resolved key it is.
// The key list sorts every matching key by it; counting live cost one index probe per key
// (~485,000 index entries for 20,000 keys). Like key_finding it describes the latest snapshot:
// rebuilt whenever the rollups are, it lags a snapshot only while the run that stores it is going.
import type { Db } from "@/lib/db/client";
import { OPEN_END } from "@/lib/domain/days";

export async function recomputeKeyCurrentStats(db: Db): Promise<{ keys: number }> {
  const [, inserted] = await db.$transaction(
    [
      db.$executeRawUnsafe(`DELETE FROM key_current_stats`),
      db.$executeRawUnsafe(
        `INSERT INTO key_current_stats (key_arn, resources)
         SELECT key_arn, count(*)::int FROM storage_resource_version
         WHERE valid_to = '${OPEN_END}'::date AND key_arn IS NOT NULL
         GROUP BY key_arn`,
      ),
    ],
  );
  return { keys: inserted };
}
