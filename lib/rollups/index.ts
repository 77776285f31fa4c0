import type { Db } from "@/lib/db/client";
import { recomputeBucketKeySavings } from "./bucket-key-savings";
import { recomputeCostMonthly } from "./costs";
import { recomputeCoverage } from "./coverage";
import { recomputeKeyFindings } from "./findings";
import { recomputeKeyCurrentStats } from "./key-stats";
import { recomputeKeyProvisioning } from "./provisioning";
import { type Day } from "@/lib/domain/days";

/** Recomputes every daily rollup the days [fromDay, toDay] feed; the charts read only these. */
export async function recomputeRollups(db: Db, fromDay: Day, toDay: Day): Promise<void> {
  await recomputeCoverage(db, fromDay, toDay);
  await recomputeCostMonthly(db, fromDay, toDay);
  // Findings and key stats describe the current keys and provisioning the whole key history:
  // none is bounded by the day range, and all are cheap next to the coverage rollups.
  await recomputeKeyFindings(db);
  await recomputeKeyCurrentStats(db);
  await recomputeKeyProvisioning(db);
  // Priced on the current inventory and the key volumes just stored: no request waits for it.
  await recomputeBucketKeySavings(db);
}
