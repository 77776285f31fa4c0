// The one place that turns the API's codes into the words a person reads (issue #20 item 3):
// non-compliance reasons, encryption classes, key findings, key managers, key states, storage
// services. Codes stay what the API, the CSV files and the alert messages carry; a page shows the
// label and keeps the code on hover (the cell's title), so both can be matched.
//
// lib/domain imports nothing outside itself, so the codes are spelled here; the unit test
// (tests/unit/domain/labels.test.ts) checks every code of the Prisma enums and of the finding rules
// has its label, so a new code cannot appear raw on a page unnoticed.

export const REASON_LABELS = {
  UNENCRYPTED: { label: "Unencrypted", detail: "No encryption at rest" },
  SSE_S3: { label: "S3-managed keys (SSE-S3)", detail: "AES256 with keys S3 owns" },
  AWS_MANAGED_KEY: { label: "AWS managed key", detail: "aws/s3, aws/ebs, aws/rds: no policy control" },
  KEY_UNUSABLE: { label: "CMK unusable", detail: "Key disabled or pending deletion" },
  UNKNOWN_KEY: { label: "Unresolved key", detail: "Key reference not in the key inventory" },
} as const;

/** Encryption classes (DOMAIN.md §6.1), weakest first. */
export const ENCRYPTION_CLASS_LABELS = {
  NONE: "Unencrypted",
  SSE_S3: "S3-managed keys (SSE-S3)",
  AWS_MANAGED_KMS: "AWS managed KMS key",
  CUSTOMER_KMS: "Customer managed KMS key",
  UNKNOWN: "Unknown",
} as const;

/** Key findings (DOMAIN.md §6.3): what is wrong, in a few words. */
export const FINDING_LABELS = {
  PENDING_DELETION_IN_USE: "Pending deletion, still in use",
  PUBLIC_POLICY: "Public key policy",
  BROAD_USAGE: "Broad usage grant",
  NO_SEPARATION_OF_DUTIES: "No separation of duties",
  ROTATION_DISABLED: "Rotation off",
  SHARED_MASTER_KEY: "Shared across teams",
  MISSING_TAGS: "Missing tags",
  ALIAS_CONVENTION: "Alias off convention",
  DISABLED_BILLED: "Disabled, still billed",
  UNUSED: "Unused",
} as const;

export const KEY_MANAGER_LABELS = { CUSTOMER: "Customer managed", AWS: "AWS managed" } as const;

/** KMS KeyState values as AWS spells them (DescribeKey). */
export const KEY_STATE_LABELS = {
  Enabled: "Enabled",
  Disabled: "Disabled",
  PendingDeletion: "Pending deletion",
  PendingImport: "Pending import",
  PendingReplicaDeletion: "Pending replica deletion",
  Unavailable: "Unavailable",
  Creating: "Creating",
  Updating: "Updating",
} as const;

export const STORAGE_SERVICE_LABELS = { S3: "S3", EBS: "EBS", RDS: "RDS", AURORA: "Aurora" } as const;

type LabelMap = Readonly<Record<string, string | { label: string }>>;

/** The label of a code; a code the map does not know is shown as it came rather than hidden. */
export function codeLabel(map: LabelMap, code: string): string {
  if (!Object.hasOwn(map, code)) return code;
  const entry = map[code]!;
  return typeof entry === "string" ? entry : entry.label;
}

/** Several codes (a key's findings): labels joined with ", ", in the order given. */
export function codeLabels(map: LabelMap, codes: readonly string[]): string {
  return codes.map((c) => codeLabel(map, c)).join(", ");
}
