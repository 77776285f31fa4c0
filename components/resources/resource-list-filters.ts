// The resources lists' own URL filters (their API's parameters), so the overview can link to "these
// resources": /resources?reason=SSE_S3&day=… (non-compliant), /resources?view=all&encryption=…
// (every in-scope resource of some encryption classes: the rows behind a coverage tile).
import type { ListFilter } from "@/components/filters/list-filters";
import type { NonCompliantReason } from "@/generated/prisma/enums";
import { reasonLabels } from "@/components/overview/reason-labels";
import { codeLabel, ENCRYPTION_CLASS_LABELS } from "@/lib/domain/labels";

/** Every class but CUSTOMER_KMS: the resources that keep CMK coverage below 100 % (DOMAIN.md §6.1). */
export const NOT_ON_A_CMK = ["NONE", "SSE_S3", "AWS_MANAGED_KMS", "UNKNOWN"] as const;

const sameClasses = (values: readonly string[], classes: readonly string[]) => values.length === classes.length && classes.every((c) => values.includes(c));

// A day other than the latest: the resources as of that day.
const asOf: ListFilter = { param: "day", label: "As of" };

export const NONCOMPLIANT_LIST_FILTERS: readonly ListFilter[] = [
  { param: "reason", label: "Reason", describe: (v) => reasonLabels[v as NonCompliantReason]?.label ?? v },
  { param: "service", label: "Service" },
  { param: "classification", label: "Classification" },
  asOf,
];

export const IN_SCOPE_LIST_FILTERS: readonly ListFilter[] = [
  {
    param: "encryption",
    label: "Encryption",
    describe: (v) => codeLabel(ENCRYPTION_CLASS_LABELS, v),
    // The coverage tiles' list reads as what it is, not as four class names.
    describeList: (values) => (sameClasses(values, NOT_ON_A_CMK) ? "not a customer managed key" : undefined),
  },
  { param: "compliance", label: "Compliance", describe: (v) => (v === "noncompliant" ? "non-compliant" : v) },
  { param: "service", label: "Service" },
  { param: "classification", label: "Classification" },
  asOf,
];
