import type { NonCompliantReason } from "@/generated/prisma/enums";

/** Display names of the non-compliance reason codes (DOMAIN.md §6.2), worst first. */
export const reasonLabels: Record<NonCompliantReason, { label: string; detail: string }> = {
  UNENCRYPTED: { label: "Unencrypted", detail: "No encryption at rest" },
  SSE_S3: { label: "S3-managed keys (SSE-S3)", detail: "AES256 with keys S3 owns" },
  AWS_MANAGED_KEY: { label: "AWS managed key", detail: "aws/s3, aws/ebs, aws/rds: no policy control" },
  KEY_UNUSABLE: { label: "CMK unusable", detail: "Key disabled or pending deletion" },
  UNKNOWN_KEY: { label: "Unresolved key", detail: "Key reference not in the key inventory" },
};

export const reasonOrder: NonCompliantReason[] = ["UNENCRYPTED", "SSE_S3", "AWS_MANAGED_KEY", "KEY_UNUSABLE", "UNKNOWN_KEY"];

/** Stable test id per reason, e.g. kpi-noncompliant-aws-managed-key. */
export function reasonTestId(reason: NonCompliantReason): string {
  return `kpi-noncompliant-${reason.toLowerCase().replaceAll("_", "-")}`;
}
