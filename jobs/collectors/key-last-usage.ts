// GetKeyLastUsage → KeyUsageRecord. Where the API is missing (older SDK, an endpoint such as an
// emulator or a partition without it) the status is UNKNOWN: absence of data is never "unused".
import * as kmsSdk from "@aws-sdk/client-kms";
import type { KMSClient } from "@aws-sdk/client-kms";
import type { KeyUsageRecord } from "@/lib/domain/records";
import { errorName, type WarningLog } from "@/jobs/collectors/common";

const UNSUPPORTED = new Set([
  "UnknownOperationException",
  "UnknownOperation",
  "UnsupportedOperationException",
  "UnsupportedOperation",
  "InvalidAction",
  "NotImplemented",
]);

interface LastUsageResponse {
  KeyLastUsage?: { Operation?: string; Timestamp?: Date };
  TrackingStartDate?: Date;
}
type LastUsageCommandCtor = new (input: { KeyId: string }) => object;

// Looked up by name so that an SDK without the command degrades to UNKNOWN instead of failing.
const GetKeyLastUsageCommand = (kmsSdk as unknown as Record<string, LastUsageCommandCtor | undefined>).GetKeyLastUsageCommand;

export const unknownUsage = (keyArn: string): KeyUsageRecord => ({
  keyArn,
  status: "UNKNOWN",
  lastUsedAt: null,
  lastOperation: null,
  trackingStartDate: null,
});

/** One per collection run: remembers that the endpoint lacks the API, to stop asking. */
export class KeyLastUsageReader {
  private unsupported = GetKeyLastUsageCommand === undefined;
  private warnedUnsupported = false;

  constructor(
    private readonly kms: KMSClient,
    private readonly warnings: WarningLog,
  ) {}

  async read(keyArn: string): Promise<KeyUsageRecord> {
    if (this.unsupported || !GetKeyLastUsageCommand) return this.noteUnsupported(keyArn);
    try {
      const out = (await this.kms.send(new GetKeyLastUsageCommand({ KeyId: keyArn }) as never)) as LastUsageResponse;
      const lastUsedAt = out.KeyLastUsage?.Timestamp ?? null;
      return {
        keyArn,
        // No usage since TrackingStartDate: NEVER_USED, read together with trackingStartDate
        // (a key older than the tracking start may have been used before it).
        status: lastUsedAt ? "USED" : "NEVER_USED",
        lastUsedAt,
        lastOperation: out.KeyLastUsage?.Operation ?? null,
        trackingStartDate: out.TrackingStartDate ?? null,
      };
    } catch (error) {
      if (UNSUPPORTED.has(errorName(error))) {
        this.unsupported = true;
        return this.noteUnsupported(keyArn);
      }
      this.warnings.fromError("GetKeyLastUsage", error, keyArn);
      return unknownUsage(keyArn);
    }
  }

  private noteUnsupported(keyArn: string): KeyUsageRecord {
    if (!this.warnedUnsupported) {
      this.warnedUnsupported = true;
      this.warnings.add("KEY_LAST_USAGE_UNAVAILABLE", "GetKeyLastUsage is not available here: key usage is UNKNOWN");
    }
    return unknownUsage(keyArn);
  }
}
