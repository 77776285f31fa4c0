import type { KmsKeyRecord, StorageResourceRecord } from "@/lib/domain/records";
import { nonCompliantReason, requiresCmk } from "@/lib/kpi/compliance";
import { resourceDims, tagValue } from "@/lib/kpi/resource-dims";
import type { PolicySettings } from "@/lib/settings/policy";

// Columns derived from ingested data with the policy settings. They are stored so that charts
// and drill-downs filter on indexed columns, and rewritten for all history when a setting that
// drives them changes (lib/store/recompute-derived.ts).

export function deriveResourceColumns(record: StorageResourceRecord, keyState: string | null, settings: PolicySettings) {
  const dims = resourceDims(record, settings);
  const cmkRequired = requiresCmk(dims, settings);
  return {
    business_unit: dims.businessUnit,
    environment: dims.environment,
    classification: dims.classification,
    application: dims.application,
    owner: dims.owner,
    requires_cmk: cmkRequired,
    non_compliant_reason: nonCompliantReason(record, keyState, cmkRequired),
  };
}

export function deriveKeyColumns(record: KmsKeyRecord, settings: PolicySettings) {
  return {
    business_unit: tagValue(record.tags, settings.businessUnitTagKey),
    environment: tagValue(record.tags, settings.environmentTagKey),
  };
}
