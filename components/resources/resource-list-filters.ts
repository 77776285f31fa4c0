// The resources list's own URL filters (GET /api/resources/noncompliant parameters), so the
// overview's reason bars and chart can link to "these resources": /resources?reason=SSE_S3&day=….
import type { ListFilter } from "@/components/filters/list-filters";
import type { NonCompliantReason } from "@/generated/prisma/enums";
import { reasonLabels } from "@/components/overview/reason-labels";

export const RESOURCE_LIST_FILTERS: readonly ListFilter[] = [
  { param: "reason", label: "Reason", describe: (v) => reasonLabels[v as NonCompliantReason]?.label ?? v },
  { param: "service", label: "Service" },
  { param: "classification", label: "Classification" },
  // A day other than the latest: the non-compliant resources as of that day.
  { param: "day", label: "As of" },
];
