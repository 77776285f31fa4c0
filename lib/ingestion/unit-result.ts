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

/** Warnings make a unit PARTIAL: its data was stored, but something in it could not be read. */
export const statusFor = (warnings: readonly IngestionWarningRecord[]): FinishedStatus => (warnings.length > 0 ? "PARTIAL" : "SUCCEEDED");
