import type { NonCompliantReason } from "@/generated/prisma/enums";
import { REASON_LABELS } from "@/lib/domain/labels";

/** Display names of the non-compliance reason codes (DOMAIN.md §6.2): the one map in lib/domain/labels.ts. */
export const reasonLabels: Record<NonCompliantReason, { label: string; detail: string }> = REASON_LABELS;

export const reasonOrder: NonCompliantReason[] = ["UNENCRYPTED", "SSE_S3", "AWS_MANAGED_KEY", "KEY_UNUSABLE", "UNKNOWN_KEY"];

/** Stable test id per reason, e.g. kpi-noncompliant-aws-managed-key. */
export function reasonTestId(reason: NonCompliantReason): string {
  return `kpi-noncompliant-${reason.toLowerCase().replaceAll("_", "-")}`;
}
