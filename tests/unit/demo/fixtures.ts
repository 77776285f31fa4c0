import type { KmsKeyRecord, StorageResourceRecord } from "@/lib/domain/records";
import { generateDemo, type DemoChunk } from "@/lib/demo/generate";
import type { DemoOptions } from "@/lib/demo/options";
import type { VersionedKey, VersionedResource } from "@/lib/store/types";

/** A fixed last day, so the tests do not depend on the day they run. */
export const END_DAY = "2025-06-30";

export interface Generated {
  chunks: DemoChunk[];
  keys: VersionedKey[];
  resources: VersionedResource[];
  /** Versions valid on a day: validFrom <= day < validTo. */
  keysOn(day: string): KmsKeyRecord[];
  resourcesOn(day: string): VersionedResource[];
}

export function validOn(v: { validFrom: string; validTo: string | null }, day: string): boolean {
  return v.validFrom <= day && (v.validTo === null || v.validTo > day);
}

export function generate(options: DemoOptions): Generated {
  const chunks = [...generateDemo({ endDay: END_DAY, ...options })];
  const keys = chunks.flatMap((c) => c.keys);
  const resources = chunks.flatMap((c) => c.resources);
  return {
    chunks,
    keys,
    resources,
    keysOn: (day) => keys.filter((v) => validOn(v, day)).map((v) => v.record),
    resourcesOn: (day) => resources.filter((v) => validOn(v, day)),
  };
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export const isCmkCovered = (r: StorageResourceRecord) => r.encryptionClass === "CUSTOMER_KMS";
