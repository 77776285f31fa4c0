import type { KmsKeyRecord, StorageResourceRecord } from "@/lib/domain/records";

/** Days are UTC calendar days as YYYY-MM-DD strings everywhere in the store. */
export type Day = string;

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

export const OPEN_END: Day = "9999-12-31";

export interface SnapshotStoreResult {
  keys: { unchanged: number; changed: number; added: number; removed: number };
  resources: { unchanged: number; changed: number; added: number; removed: number };
}
