// Normalized records: what every collector (jobs/collectors) and the demo generator
// (lib/demo) produce, and the only input the store (lib/store) accepts. Field meanings
// follow ../shared/DOMAIN.md; names are the domain's, not the AWS API's.

export type KeyManager = "CUSTOMER" | "AWS";
export type EncryptionClass = "NONE" | "SSE_S3" | "AWS_MANAGED_KMS" | "CUSTOMER_KMS" | "UNKNOWN";
export type StorageService = "S3" | "EBS" | "RDS" | "AURORA";
export type CostCategory = "KEYS" | "REQUESTS" | "OTHER";
export type KeyUsageStatus = "USED" | "NEVER_USED" | "UNKNOWN";
export type Tags = Record<string, string>;

export interface AccountRecord {
  accountId: string;
  name: string;
  organizationalUnit: string;
  email?: string | null;
  status?: string;
}

/** A KMS key as DescribeKey + ListAliases + rotation + tags + policy describe it. */
export interface KmsKeyRecord {
  keyArn: string;
  accountId: string;
  region: string;
  keyId: string;
  keyManager: KeyManager;
  keyState: string;
  keySpec: string;
  keyUsage: string;
  origin: string;
  multiRegion: boolean;
  multiRegionRole: "PRIMARY" | "REPLICA" | null;
  primaryKeyArn: string | null;
  creationDate: Date;
  deletionDate: Date | null;
  pendingWindowDays: number | null;
  description: string;
  /** Full alias names, e.g. "alias/prod-payments-db". */
  aliases: string[];
  tags: Tags;
  /** Parsed key policy document; null when it could not be read (policyError says why). */
  policy: unknown | null;
  policyError: string | null;
  /** null: not applicable (asymmetric, HMAC, imported, custom store) or not readable. */
  rotationEnabled: boolean | null;
  rotationPeriodDays: number | null;
  /** Completed rotations (ListKeyRotations); drives the rotation surcharge. */
  rotationCount: number | null;
  lastRotatedAt: Date | null;
  /**
   * GetKeyRotationStatus NextRotationDate: the next scheduled automatic rotation. Not last
   * rotation + period: an on-demand rotation (RotateKeyOnDemand) does not move the schedule.
   * null when rotation is off, not applicable or not readable.
   */
  nextRotationDate: Date | null;
}

/** GetKeyLastUsage, or UNKNOWN where the API is unavailable: never read as "unused". */
export interface KeyUsageRecord {
  keyArn: string;
  status: KeyUsageStatus;
  lastUsedAt: Date | null;
  lastOperation: string | null;
  trackingStartDate: Date | null;
}

/** An S3 bucket, EBS volume, RDS instance or Aurora cluster and how it is encrypted. */
export interface StorageResourceRecord {
  resourceArn: string;
  accountId: string;
  region: string;
  service: StorageService;
  name: string;
  /** null when unknown (S3 bucket sizes are not in the inventory APIs). */
  sizeBytes: bigint | null;
  encryptionClass: EncryptionClass;
  /** S3: AES256 | aws:kms | aws:kms:dsse; null elsewhere. */
  sseAlgorithm: string | null;
  /** Key reference as reported: key id, key ARN, alias name or alias ARN. */
  keyRef: string | null;
  /** keyRef resolved to a key ARN (lib/domain/key-resolution.ts). */
  keyArn: string | null;
  bucketKeyEnabled: boolean | null;
  tags: Tags;
}

/** One Cost Explorer group for one day: UnblendedCost and UsageQuantity. */
export interface KmsCostRecord {
  day: string; // YYYY-MM-DD
  accountId: string;
  /** Raw business-unit tag value; "" = untagged. */
  businessUnit: string;
  /** Raw cost-center tag value; "" = untagged or not collected. */
  costCenter: string;
  usageType: string;
  region: string;
  category: CostCategory;
  unblendedCost: number;
  usageQuantity: number;
}

/** Per-key request volume for one day (GetCostAndUsageWithResources). */
export interface KeyRequestRecord {
  day: string; // YYYY-MM-DD
  keyArn: string;
  accountId: string;
  requests: number;
  cost: number;
}

/** A problem met while collecting: recorded on the run and shown, never fatal to a run. */
export interface IngestionWarningRecord {
  accountId: string | null;
  region: string | null;
  source: string;
  code: string;
  message: string;
  resourceArn?: string | null;
}

/** Everything one account-region yields in one snapshot. */
export interface InventorySnapshot {
  accountId: string;
  region: string;
  keys: KmsKeyRecord[];
  keyUsage: KeyUsageRecord[];
  resources: StorageResourceRecord[];
  warnings: IngestionWarningRecord[];
}
