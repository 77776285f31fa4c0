// Mean time to provision (DOMAIN.md §6.7): for CMKs created in a period, the days from
// creation to the first snapshot in which the key has none of the hygiene findings.
// Days are whole UTC calendar days (snapshots are daily): a key created on D and clean in
// the snapshot of D took 0 days.
import { HYGIENE_FINDING_CODES } from "./key-findings";
import { toDay } from "@/lib/domain/days";

export interface FindingSnapshot {
  /** YYYY-MM-DD */
  day: string;
  codes: Iterable<string>;
}

export interface KeyProvisioningHistory {
  keyArn: string;
  createdAt: Date;
  /** Snapshots of the key in day order. */
  snapshots: FindingSnapshot[];
}

export interface KeyProvisioning {
  keyArn: string;
  createdAt: Date;
  /** First clean snapshot day, null while the key has never been clean (open). */
  compliantOn: string | null;
  days: number | null;
}

export interface MttpSummary {
  keys: number;
  provisioned: number;
  open: number;
  meanDays: number | null;
  medianDays: number | null;
}

const DAY_MS = 86_400_000;
const HYGIENE = new Set<string>(HYGIENE_FINDING_CODES);

const dayNumber = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** The first snapshot day, on or after creation, with no hygiene finding; null if none. */
export function firstCompliantDay(createdAt: Date, snapshots: FindingSnapshot[]): string | null {
  const creationDay = toDay(createdAt);
  for (const snapshot of snapshots) {
    if (snapshot.day < creationDay) continue;
    if (![...snapshot.codes].some((code) => HYGIENE.has(code))) return snapshot.day;
  }
  return null;
}

export function keyProvisioning(history: KeyProvisioningHistory): KeyProvisioning {
  const compliantOn = firstCompliantDay(history.createdAt, history.snapshots);
  const days = compliantOn === null ? null : dayNumber(compliantOn) - dayNumber(toDay(history.createdAt));
  return { keyArn: history.keyArn, createdAt: history.createdAt, compliantOn, days };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** MTTP over the keys created in [start, end); keys never clean are counted as open. */
export function mttpSummary(keys: KeyProvisioning[], period: { start: Date; end: Date }): MttpSummary {
  const inPeriod = keys.filter(
    (k) => k.createdAt.getTime() >= period.start.getTime() && k.createdAt.getTime() < period.end.getTime(),
  );
  const days = inPeriod.flatMap((k) => (k.days === null ? [] : [k.days]));
  return {
    keys: inPeriod.length,
    provisioned: days.length,
    open: inPeriod.length - days.length,
    meanDays: days.length ? days.reduce((a, b) => a + b, 0) / days.length : null,
    medianDays: median(days),
  };
}
