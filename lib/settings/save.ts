// Saving policy settings: validate the patch, merge it into the stored settings, store the full
// document, then recompute what the changed settings invalidate - over the whole history, so
// an older day's numbers follow the new rules too (a KPI never mixes two policies over time).
import type { Db } from "@/lib/db/client";
import { recomputeKeyFindings } from "@/lib/rollups/findings";
import { recomputeRollups } from "@/lib/rollups";
import { recomputeAllCostMonths } from "@/lib/rollups/costs";
import { recomputeKeyProvisioning } from "@/lib/rollups/provisioning";
import { historyRange } from "@/lib/store/freshness";
import { recomputeKeyDerived, recomputeResourceDerived } from "@/lib/store/recompute-derived";
import { recordBuTagKeyChange } from "./bu-tag-history";
import { settingsAffecting, type DerivedData } from "./invalidation";
import { POLICY_SETTINGS_KEY, loadPolicySettings } from "./load";
import { applyPolicySettingsPatch, parsePolicySettingsPatch, type PolicySettings } from "./policy";
import { type Day } from "@/lib/domain/days";

export interface SaveSettingsResult {
  settings: PolicySettings;
  /** Settings whose value actually changed. */
  changed: string[];
  /** Derived data the change invalidated (settingsAffecting); stored parts were rebuilt. */
  recomputed: DerivedData[];
}

/**
 * The days the rollups cover: historyRange (ingested snapshots) or, for a history written
 * directly without freshness rows (the demo), its first version to its newest stored day.
 */
async function rollupRange(db: Db): Promise<{ fromDay: Day; toDay: Day } | null> {
  const range = await historyRange(db);
  if (range) return range;
  const rows = await db.$queryRawUnsafe<{ first: Date | null; last: Date | null }[]>(
    `SELECT (SELECT min(valid_from) FROM storage_resource_version) AS first,
            greatest((SELECT max(valid_from) FROM storage_resource_version), (SELECT max(day) FROM kms_cost_daily),
                     (SELECT max(day) FROM coverage_bu_daily)) AS last`,
  );
  const { first, last } = rows[0] ?? { first: null, last: null };
  return first && last ? { fromDay: first.toISOString().slice(0, 10), toDay: last.toISOString().slice(0, 10) } : null;
}

/** Throws PolicySettingsError (naming the field) for an invalid patch; stores nothing then. */
export async function saveSettings(db: Db, patchInput: unknown): Promise<SaveSettingsResult> {
  const patch = parsePolicySettingsPatch(patchInput);
  const current = await loadPolicySettings(db);
  const settings = applyPolicySettingsPatch(current, patch);
  const changed = (Object.keys(settings) as (keyof PolicySettings)[]).filter(
    (key) => JSON.stringify(settings[key]) !== JSON.stringify(current[key]),
  );
  await db.policySetting.upsert({
    where: { key: POLICY_SETTINGS_KEY },
    create: { key: POLICY_SETTINGS_KEY, value: settings },
    update: { value: settings },
  });

  if (changed.includes("businessUnitTagKey")) await recordBuTagKeyChange(db, settings.businessUnitTagKey);
  const recomputed = settingsAffecting(changed);
  if (recomputed.includes("resourceDims") || recomputed.includes("compliance")) {
    await recomputeResourceDerived(db, settings);
    await recomputeKeyDerived(db, settings);
    const range = await rollupRange(db);
    // recomputeRollups also rebuilds findings and provisioning (they read the stored settings).
    if (range) await recomputeRollups(db, range.fromDay, range.toDay);
    else await rebuildKeyRollups(db, settings);
  } else if (recomputed.includes("keyFindings")) {
    await rebuildKeyRollups(db, settings);
  }
  // The monthly cost rollup holds each month's chosen source.
  if (recomputed.includes("costs")) await recomputeAllCostMonths(db);
  // savings and costModel are computed when read: nothing stored to rebuild.
  return { settings, changed, recomputed };
}

async function rebuildKeyRollups(db: Db, settings: PolicySettings): Promise<void> {
  await recomputeKeyFindings(db, settings);
  await recomputeKeyProvisioning(db, settings);
}
