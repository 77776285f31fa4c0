// The keys list's own URL filters (GET /api/keys parameters), so the overview's tiles and the
// findings page can link to "these keys": /keys?manager=CUSTOMER, /keys?finding=PUBLIC_POLICY.
import type { ListFilter } from "@/components/filters/list-filters";

const MANAGERS: Record<string, string> = { CUSTOMER: "customer managed", AWS: "AWS managed" };
const ROTATION: Record<string, string> = { enabled: "on", disabled: "off", "not-applicable": "not applicable" };

export const KEY_LIST_FILTERS: readonly ListFilter[] = [
  { param: "manager", label: "Manager", describe: (v) => MANAGERS[v] ?? v },
  { param: "state", label: "State" },
  { param: "finding", label: "Finding" },
  { param: "spec", label: "Spec" },
  { param: "origin", label: "Origin" },
  { param: "rotation", label: "Rotation", describe: (v) => ROTATION[v] ?? v },
];
