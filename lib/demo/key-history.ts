import type { KmsKeyRecord } from "@/lib/domain/records";
import type { VersionedKey } from "@/lib/store/types";
import { dateAt, dayString } from "./days";
import type { KeyPlan } from "./model";

const secondsOfDay = (date: Date) => Math.floor((date.getTime() % 86_400_000) / 1000);

/** Completed automatic rotations of the key by the end of day `day`. */
export function rotationsBy(plan: KeyPlan, day: number): number {
  if (plan.rotationFrom === null || day < plan.rotationFrom) return 0;
  const until = plan.rotationUntil === null ? day : Math.min(day, plan.rotationUntil - 1);
  return Math.max(0, Math.floor((until - plan.rotationFrom) / plan.rotationPeriodDays));
}

/** The key's record as a snapshot taken on `day` would read it. */
export function keyRecordOn(plan: KeyPlan, day: number): KmsKeyRecord {
  let record = plan.base;
  for (const change of plan.changes) if (change.day <= day) record = change.apply(record);
  const rotationApplies = record.rotationEnabled !== null;
  if (!rotationApplies) return record;
  const enabled = plan.rotationFrom !== null && day >= plan.rotationFrom;
  const count = rotationsBy(plan, day);
  // Rotations happen at the time of day the key was created, every period after rotation was turned on.
  const rotationAt = (n: number) => dateAt(plan.rotationFrom! + n * plan.rotationPeriodDays, secondsOfDay(record.creationDate));
  return {
    ...record,
    rotationEnabled: enabled,
    rotationPeriodDays: enabled ? plan.rotationPeriodDays : null,
    rotationCount: count,
    lastRotatedAt: count > 0 ? rotationAt(count) : null,
    // As GetKeyRotationStatus reports it: the next scheduled rotation (it moves only when one
    // happens, so it adds no version; a disabled key keeps the date it missed).
    nextRotationDate: enabled ? rotationAt(count + 1) : null,
  };
}

/** Days on which something about the key may change, in order, within [from, to]. */
function changeDays(plan: KeyPlan, from: number, to: number): number[] {
  const days = new Set<number>([from]);
  for (const change of plan.changes) if (change.day > from && change.day <= to) days.add(change.day);
  if (plan.rotationFrom !== null) {
    if (plan.rotationFrom > from && plan.rotationFrom <= to) days.add(plan.rotationFrom);
    const stop = Math.min(to, (plan.rotationUntil ?? to + 1) - 1);
    for (let d = plan.rotationFrom + plan.rotationPeriodDays; d <= stop; d += plan.rotationPeriodDays) if (d > from) days.add(d);
  }
  return [...days].sort((a, b) => a - b);
}

function sameRecord(a: KmsKeyRecord, b: KmsKeyRecord): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The key's versions over the history [startIdx, endIdx]: one per change, contiguous, the last
 * open (validTo null) unless the key was deleted. Empty when the key never existed in the window.
 */
export function keyVersions(plan: KeyPlan, startIdx: number, endIdx: number): VersionedKey[] {
  const from = Math.max(plan.createdIdx, startIdx);
  const last = plan.deletedIdx === null ? endIdx : Math.min(endIdx, plan.deletedIdx - 1);
  if (from > last) return [];
  const versions: VersionedKey[] = [];
  let previous: KmsKeyRecord | null = null;
  for (const day of changeDays(plan, from, last)) {
    const record = keyRecordOn(plan, day);
    if (previous && sameRecord(previous, record)) continue;
    const open = versions[versions.length - 1];
    if (open) open.validTo = dayString(day);
    versions.push({ record, validFrom: dayString(day), validTo: null });
    previous = record;
  }
  if (plan.deletedIdx !== null && plan.deletedIdx <= endIdx) versions[versions.length - 1]!.validTo = dayString(plan.deletedIdx);
  return versions;
}
