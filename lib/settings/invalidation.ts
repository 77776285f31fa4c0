// Which derived data a settings change invalidates, so a settings save recomputes only that.
// Raw inventory (tags, key metadata, Cost Explorer rows) never depends on settings; these do:
//   resourceDims - businessUnit/environment/classification/application/owner columns of
//                  resources and keys, and the daily aggregates cut by them;
//   compliance   - requiresCmk and nonCompliantReason of resources (and coverage aggregates);
//   keyFindings  - key_finding rows (and the key provisioning / MTTP derived from them);
//   savings      - bucket key and idle-key savings;
//   costModel    - modeled cost per key and its BU / cost-center cuts;
//   costs        - the monthly cost rollup (cost_bu_monthly), whose source the setting picks.
// A dependency between derived data is spelled out per setting (e.g. a new environment tag
// key changes dims, and requiresCmk reads the environment) rather than left to the caller.
import type { PolicySettingKey } from "./policy";

export type DerivedData = "resourceDims" | "compliance" | "keyFindings" | "savings" | "costModel" | "costs";

export const DERIVED_DATA: readonly DerivedData[] = ["resourceDims", "compliance", "keyFindings", "savings", "costModel", "costs"];

const AFFECTS: Record<PolicySettingKey, readonly DerivedData[]> = {
  // SHARED_MASTER_KEY counts BUs; savings and modeled cost are shown per BU.
  businessUnitTagKey: ["resourceDims", "keyFindings", "savings", "costModel"],
  environmentTagKey: ["resourceDims", "compliance"],
  productionValues: ["compliance"],
  classificationTagKey: ["resourceDims", "compliance"],
  cmkRequiredClassifications: ["compliance"],
  // SHARED_MASTER_KEY counts applications.
  applicationTagKey: ["resourceDims", "keyFindings"],
  ownerTagKey: ["resourceDims"],
  requiredKeyTags: ["keyFindings"],
  aliasPattern: ["keyFindings"],
  sharedKeyApplicationThreshold: ["keyFindings"],
  // UNUSED changes, and with it the idle-key savings.
  unusedKeyDays: ["keyFindings", "savings"],
  bucketKeyReduction: ["savings"],
  // DISABLED_BILLED evidence carries the monthly cost.
  priceOverrides: ["keyFindings", "savings", "costModel"],
  costSource: ["costs", "costModel", "savings"],
  // Targets are drawn next to the numbers; nothing is recomputed.
  targets: [],
};

/**
 * The derived data to recompute after these settings changed, in DERIVED_DATA order.
 * An unknown name (e.g. a stale key read from the database) invalidates everything.
 */
export function settingsAffecting(changedKeys: Iterable<string>): DerivedData[] {
  const affected = new Set<DerivedData>();
  for (const key of changedKeys) {
    const derived = Object.hasOwn(AFFECTS, key) ? AFFECTS[key as PolicySettingKey] : DERIVED_DATA;
    for (const d of derived) affected.add(d);
  }
  return DERIVED_DATA.filter((d) => affected.has(d));
}
