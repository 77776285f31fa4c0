import type { Db } from "@/lib/db/client";
import type { Day } from "@/lib/store/types";
import { recomputeCostMonthly } from "./costs";
import { recomputeCoverage } from "./coverage";
import { recomputeKeyFindings } from "./findings";
import { recomputeKeyProvisioning } from "./provisioning";

/** Recomputes every daily rollup the days [fromDay, toDay] feed; the charts read only these. */
export async function recomputeRollups(db: Db, fromDay: Day, toDay: Day): Promise<void> {
  await recomputeCoverage(db, fromDay, toDay);
  await recomputeCostMonthly(db, fromDay, toDay);
  // Findings describe the current keys and provisioning the whole key history: neither is
  // bounded by the day range, and both are cheap next to the coverage rollups.
  await recomputeKeyFindings(db);
  await recomputeKeyProvisioning(db);
}
