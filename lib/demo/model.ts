// The generator's internal plans: what it decides about a key or a resource once, from which
// the day-by-day versions (the records ingestion would have stored) are derived.
import type { KmsKeyRecord } from "@/lib/domain/records";
import type { Environment } from "./org";

export type KeyRole =
  | "aws-managed"
  | "workload"
  | "shared"
  | "busy-s3"
  | "multi-region"
  | "imported"
  | "asymmetric"
  | "hmac"
  | "unused"
  | "disabled"
  | "pending-in-use"
  | "pending-cleanup";

/** Which request price applies (DOMAIN.md §2). */
export type RequestPricing = "symmetric" | "rsa2048" | "asymmetric";

/** A change to a key's record on a given day (a fix, a state change). */
export interface KeyChange {
  day: number;
  apply: (record: KmsKeyRecord) => KmsKeyRecord;
}

export interface KeyPlan {
  keyArn: string;
  accountId: string;
  region: string;
  role: KeyRole;
  /** The owner as the organization knows it, whatever the tags say. "" for AWS managed keys. */
  bu: string;
  app: string;
  env: Environment;
  /** For AWS managed keys: the service whose default key it is. */
  awsService: "s3" | "ebs" | "rds" | null;
  createdIdx: number;
  /** The record on its first day (rotation fields are computed per day). */
  base: KmsKeyRecord;
  changes: KeyChange[];
  /** Automatic rotation: on since that day (null = never), every periodDays. */
  rotationFrom: number | null;
  rotationPeriodDays: number;
  /** Rotation stops when the key leaves Enabled (KMS does not rotate disabled keys). */
  rotationUntil: number | null;
  /** First day the key is no longer in the inventory (deleted), or null. */
  deletedIdx: number | null;
  /** Requests per day while in use. */
  dailyRequests: number;
  /** First day without cryptographic use (disabled, scheduled, abandoned), or null. */
  activeUntil: number | null;
  pricing: RequestPricing;
  /** Whether ordinary resources may be encrypted with it (an owner picks it for new data). */
  usableByResources: boolean;
  /** Stable per-key number that drives the daily request noise. */
  noiseSeed: number;
}

export interface EncryptionState {
  encryptionClass: "NONE" | "SSE_S3" | "AWS_MANAGED_KMS" | "CUSTOMER_KMS" | "UNKNOWN";
  sseAlgorithm: string | null;
  keyRef: string | null;
  keyArn: string | null;
  bucketKeyEnabled: boolean | null;
}
