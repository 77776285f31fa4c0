// GET /api/settings: the policy settings, the history size behind the page's duration estimate,
// and the state of the recompute the last saves asked for. PUT /api/settings: saves a partial
// update and queues the recompute on the worker (rollups.recompute); it answers at once, and the
// dashboard serves the previous figures until the recompute commits (lib/settings/recompute.ts).
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { audit } from "@/lib/auth/audit";
import { currentPrincipal } from "@/lib/auth/context";
import type { Db } from "@/lib/db/client";
import { enqueue } from "@/lib/ingestion/queue-client";
import { RECOMPUTE_ROLLUPS_JOB, SETTINGS_RECOMPUTE_PAYLOAD, settingsRecomputeJobOptions } from "@/lib/rollups/queue-names";
import { countHistoryRows } from "@/lib/settings/history-size";
import { loadPolicySettings } from "@/lib/settings/load";
import type { PolicySettings } from "@/lib/settings/policy";
import { readRecomputeStatus, recomputeHistory, recordRecomputeFailure } from "@/lib/settings/recompute-status";
import { saveSettings } from "@/lib/settings/save";

export const getSettingsEndpoint = defineEndpoint({
  route: "GET /api/settings",
  access: "read",
  params: z.strictObject({}),
  query: async (db) => ({
    settings: await loadPolicySettings(db),
    // The size behind the page's "how long the recompute takes" estimate.
    historyRows: await countHistoryRows(db),
    recompute: await readRecomputeStatus(db),
    /** When every finished recompute committed and what it rewrote, newest first (the trend charts mark each day). */
    recomputes: await recomputeHistory(db),
  }),
});

const pick = (settings: PolicySettings, keys: string[]) => Object.fromEntries(keys.map((k) => [k, settings[k as keyof PolicySettings]]));

/** Queues the recompute; a queue that cannot be reached is shown as a failed recompute. */
async function queueRecompute(db: Db): Promise<void> {
  try {
    await enqueue(RECOMPUTE_ROLLUPS_JOB, SETTINGS_RECOMPUTE_PAYLOAD, settingsRecomputeJobOptions);
  } catch (error) {
    await recordRecomputeFailure(db, null, `the recompute could not be queued: ${(error as Error).message}`);
  }
}

export const putSettingsEndpoint = defineEndpoint({
  route: "PUT /api/settings",
  access: "admin",
  // The JSON object as sent: the patch is validated by the settings' own schema (saveSettings),
  // whose 400 names every invalid setting in error.fields so the form marks them all (a copying
  // schema here would also drop a "__proto__" key, which must be refused by name). Nothing is
  // stored (nor audited) then. The audit row holds the settings that changed, before and after.
  params: z.unknown(),
  query: async (db, patch) => {
    const before = await loadPolicySettings(db);
    const { recomputeRequested, ...result } = await saveSettings(db, patch);
    await audit(db, currentPrincipal(), "settings.update", { target: "policy", before: pick(before, result.changed), after: pick(result.settings, result.changed) });
    if (recomputeRequested) await queueRecompute(db);
    return { ...result, recompute: await readRecomputeStatus(db) };
  },
});
