// Readable labels for the Bucket Key attribution basis. The keys are the API's actual values
// (lib/kpi/bucket-key-savings.ts AttributionBasis): typed against it so a renamed code fails
// the typecheck instead of showing a raw code on the page.
import type { AttributionBasis } from "@/lib/kpi/bucket-key-savings";

export const ATTRIBUTION_LABELS: Record<AttributionBasis, string> = {
  exact: "Exact",
  "estimated-shared": "Estimated (shared key)",
  "no-data": "No data",
};

/** The label of a basis; an unknown value is shown as it came rather than hidden. */
export function attributionLabel(basis: string): string {
  return Object.hasOwn(ATTRIBUTION_LABELS, basis) ? ATTRIBUTION_LABELS[basis as AttributionBasis] : basis;
}
