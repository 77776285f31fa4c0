// Modeled monthly cost of one key from the price table (DOMAIN.md §2, §6.4), shown beside the
// billed Cost Explorer figure. Key storage: $1 per key-month prorated hourly, plus the rotation
// surcharge; requests: volume × the price of the key's spec.
// The 20,000-request free tier is NOT applied: it is one allowance per account and month
// across all keys and regions, so no single key "owns" it; the variance against the bill
// absorbs it at account level.
import { requestPriceForKeySpec, rotationSurchargePerKeyMonth, type KmsPrices } from "@/lib/domain/prices";
import type { KmsKeyRecord } from "@/lib/domain/records";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/**
 * AWS's default waiting period: used only when neither the key's history (pendingSince) nor
 * PendingDeletionWindowInDays (returned for PendingReplicaDeletion only) tells when deletion was
 * scheduled.
 */
const DEFAULT_PENDING_WINDOW_DAYS = 30;

/** [start, end) in UTC. */
export interface Period {
  start: Date;
  end: Date;
}

export interface ModeledKeyCost {
  keyMonths: number;
  keyCost: number;
  rotationCost: number;
  /** null when the key's request volume is unknown. */
  requestCost: number | null;
  /** Storage + rotation + requests (requests count as 0 when unknown: see requestCost). */
  total: number;
}

/**
 * Key-months in [from, to): each calendar month contributes its billed hours ÷ its hours, a
 * started hour counting as a full one (hourly proration).
 */
export function keyMonthsBetween(from: Date, to: Date): number {
  let keyMonths = 0;
  let cursor = from.getTime();
  const end = to.getTime();
  while (cursor < end) {
    const c = new Date(cursor);
    const monthStart = Date.UTC(c.getUTCFullYear(), c.getUTCMonth(), 1);
    const nextMonth = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 1, 1);
    const segmentEnd = Math.min(end, nextMonth);
    keyMonths += Math.ceil((segmentEnd - cursor) / HOUR_MS) / ((nextMonth - monthStart) / HOUR_MS);
    cursor = segmentEnd;
  }
  return keyMonths;
}

/**
 * The part of the period in which the key's storage is billed: from max(creation, start) to
 * min(now, end, the moment deletion was scheduled). Pending deletion costs nothing. The
 * scheduling moment is the day the key's history first shows PendingDeletion (`pendingSince`);
 * without history, deletionDate minus the waiting window (DescribeKey gives the window only for
 * PendingReplicaDeletion, so an ordinary PendingDeletion falls back to the 30-day default).
 */
export function billedInterval(
  key: Pick<KmsKeyRecord, "creationDate" | "keyState" | "deletionDate" | "pendingWindowDays"> & { pendingSince?: Date | null },
  period: Period,
  now: Date,
): { from: Date; to: Date } | null {
  const from = Math.max(key.creationDate.getTime(), period.start.getTime());
  let to = Math.min(now.getTime(), period.end.getTime());
  if (key.keyState === "PendingDeletion" && key.pendingSince) {
    to = Math.min(to, key.pendingSince.getTime());
  } else if (key.keyState === "PendingDeletion" && key.deletionDate) {
    const windowDays = key.pendingWindowDays ?? DEFAULT_PENDING_WINDOW_DAYS;
    to = Math.min(to, key.deletionDate.getTime() - windowDays * DAY_MS);
  }
  return from < to ? { from: new Date(from), to: new Date(to) } : null;
}

export interface ModeledCostInput {
  period: Period;
  /** Clock for keys still alive: nothing is billed after it. */
  now: Date;
  /** The key's requests in the period; null or undefined when unknown. */
  requests: number | null | undefined;
  prices: KmsPrices;
}

export function modeledKeyCost(
  key: Pick<KmsKeyRecord, "keyManager" | "keySpec" | "creationDate" | "keyState" | "deletionDate" | "pendingWindowDays" | "rotationCount"> & {
    pendingSince?: Date | null;
  },
  input: ModeledCostInput,
): ModeledKeyCost {
  const { prices } = input;
  // AWS managed keys have free storage and no rotation surcharge, but their requests are billed.
  const interval = key.keyManager === "CUSTOMER" ? billedInterval(key, input.period, input.now) : null;
  const keyMonths = interval ? keyMonthsBetween(interval.from, interval.to) : 0;
  const keyCost = keyMonths * prices.keyMonth;
  // The current rotation count is applied to the whole period (rotation dates are not modeled).
  const rotationCost = keyMonths * rotationSurchargePerKeyMonth(key.rotationCount, prices);
  const requestCost = input.requests == null ? null : input.requests * requestPriceForKeySpec(key.keySpec, prices);
  return { keyMonths, keyCost, rotationCost, requestCost, total: keyCost + rotationCost + (requestCost ?? 0) };
}

export interface CostVariance {
  /** modeled − billed, USD: positive when the model expects more than was billed. */
  absolute: number;
  /** absolute ÷ billed × 100; 0 when both are 0, null when only billed is 0. */
  percent: number | null;
}

export function costVariance(modeled: number, billed: number): CostVariance {
  const absolute = modeled - billed;
  if (billed === 0) return { absolute, percent: modeled === 0 ? 0 : null };
  return { absolute, percent: (absolute / billed) * 100 };
}
