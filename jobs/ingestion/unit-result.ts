import type { IngestionWarningRecord } from "@/lib/domain/records";
import type { FinishedStatus } from "@/lib/store/ingestion-runs";

/** What one unit produced, before it is written to ingestion_unit. */
export interface UnitResult {
  status: FinishedStatus;
  keysCount: number;
  resourcesCount: number;
  apiRequests: Record<string, number>;
  warnings: IngestionWarningRecord[];
  error: string | null;
}

/**
 * Notices: reported in the run, but everything was read (a bucket relying on S3's implicit
 * SSE-S3, DocumentDB/Neptune databases left out of scope), so they do not make a unit PARTIAL.
 */
export const NOTICE_CODES: ReadonlySet<string> = new Set(["BUCKET_ENCRYPTION_IMPLICIT", "RDS_ENGINE_SKIPPED"]);

/** Warnings make a unit PARTIAL: its data was stored, but something in it could not be read. */
export const statusFor = (warnings: readonly IngestionWarningRecord[]): FinishedStatus =>
  warnings.some((w) => !NOTICE_CODES.has(w.code)) ? "PARTIAL" : "SUCCEEDED";
