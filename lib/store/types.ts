import type { Day } from "@/lib/domain/days";
import type { KmsKeyRecord, StorageResourceRecord } from "@/lib/domain/records";

/** A key version valid over [validFrom, validTo); validTo null = still current. */
export interface VersionedKey {
  record: KmsKeyRecord;
  validFrom: Day;
  validTo: Day | null;
}

/** A resource version; keyState is the state of record.keyArn's key during this version. */
export interface VersionedResource {
  record: StorageResourceRecord;
  validFrom: Day;
  validTo: Day | null;
  keyState: string | null;
}

export interface SnapshotStoreResult {
  keys: { unchanged: number; changed: number; added: number; removed: number };
  resources: { unchanged: number; changed: number; added: number; removed: number };
}
