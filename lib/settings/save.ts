// Saving policy settings: validate the patch, merge it into the stored settings and store the
// full document. What the changed settings invalidate is recomputed off the request path
// (recompute.ts, run by the worker): the save only records that it asked for it, in the same
// transaction as the settings, so a stored change never lacks its recompute request.
import type { Db } from "@/lib/db/client";
import { inOneTransaction } from "@/lib/db/one-transaction";
import { recordBuTagKeyChange } from "./bu-tag-history";
import { settingsAffecting, type DerivedData } from "./invalidation";
import { POLICY_SETTINGS_KEY, loadPolicySettings } from "./load";
import { applyPolicySettingsPatch, parsePolicySettingsPatch, type PolicySettings } from "./policy";
import { requestRecompute } from "./recompute-status";

export interface SaveSettingsResult {
  settings: PolicySettings;
  /** Settings whose value actually changed. */
  changed: string[];
  /** Derived data the change invalidated (settingsAffecting). */
  recomputed: DerivedData[];
  /** Whether stored data must be rebuilt: a recompute was requested (queue it: recompute.ts). */
  recomputeRequested: boolean;
}

/**
 * Derived data computed when read: a change to it alone rebuilds nothing stored. Not "savings":
 * the Bucket Key savings are priced in the rollup step (lib/rollups/bucket-key-savings.ts).
 */
const COMPUTED_WHEN_READ: readonly DerivedData[] = ["costModel"];

/** Throws PolicySettingsError (naming the field) for an invalid patch; stores nothing then. */
export async function saveSettings(db: Db, patchInput: unknown): Promise<SaveSettingsResult> {
  const patch = parsePolicySettingsPatch(patchInput);
  return inOneTransaction(
    db,
    async (tx) => {
      const current = await loadPolicySettings(tx);
      const settings = applyPolicySettingsPatch(current, patch);
      const changed = (Object.keys(settings) as (keyof PolicySettings)[]).filter(
        (key) => JSON.stringify(settings[key]) !== JSON.stringify(current[key]),
      );
      await tx.policySetting.upsert({
        where: { key: POLICY_SETTINGS_KEY },
        create: { key: POLICY_SETTINGS_KEY, value: settings },
        update: { value: settings },
      });
      if (changed.includes("businessUnitTagKey")) await recordBuTagKeyChange(tx, settings.businessUnitTagKey);
      const recomputed = settingsAffecting(changed);
      const stored = recomputed.filter((d) => !COMPUTED_WHEN_READ.includes(d));
      if (stored.length) await requestRecompute(tx, stored);
      return { settings, changed, recomputed, recomputeRequested: stored.length > 0 };
    },
    { timeoutMs: 30_000 },
  );
}
