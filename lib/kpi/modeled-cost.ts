// Modeled monthly cost of one key from the price table (DOMAIN.md §2, §6.4), shown beside the
// billed Cost Explorer figure. Key storage: $1 per key-month prorated hourly, plus the rotation
// surcharge; requests: volume × the price of the key's spec.
// The 20,000-request free tier is NOT applied: it is one allowance per account and month
// across all keys and regions, so no single key "owns" it; the variance against the bill
// absorbs it at account level.
import { requestPriceForKeySpec, rotationSurchargePerKeyMonth, type KmsPrices } from "@/lib/domain/prices";
import type { KmsKeyRecord } from "@/lib/domain/records";
import { type Day, addDays, dayToDate } from "@/lib/domain/days";

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

/**
 * A key's modeled storage + rotation cost for one whole month in its current state: what the
 * key list shows beside the billed request cost. A customer managed key not pending deletion
 * pays the key-month and its rotation surcharge; AWS managed keys and keys pending deletion pay
 * nothing. keys.ts computes the same figure in SQL (to sort 20,000 keys by it); an integration
 * test holds the two equal.
 */
export function modeledMonthlyKeyCost(
  key: Pick<KmsKeyRecord, "keyManager" | "keyState" | "rotationCount">,
  prices: KmsPrices,
): { keyCost: number; rotationCost: number; total: number } {
  const billed = key.keyManager === "CUSTOMER" && key.keyState !== "PendingDeletion";
  const keyCost = billed ? prices.keyMonth : 0;
  const rotationCost = billed ? rotationSurchargePerKeyMonth(key.rotationCount, prices) : 0;
  return { keyCost, rotationCost, total: keyCost + rotationCost };
}

/**
 * Start of the key's current uninterrupted PendingDeletion stretch, from its versions in
 * validFrom order; null when the latest version is not pending deletion. Storage is billed up
 * to it (DescribeKey gives no waiting window for an ordinary PendingDeletion key).
 */
export function pendingSinceOf(versions: readonly { keyState: string; validFrom: Date }[]): Date | null {
  let since: Date | null = null;
  for (const v of versions) {
    if (v.keyState !== "PendingDeletion") since = null;
    else since ??= v.validFrom;
  }
  return since;
}

type ModeledKey = Parameters<typeof modeledKeyCost>[0];

/**
 * The modeled cost over exactly the given days (ascending, YYYY-MM-DD), e.g. the days that have
 * per-key Cost Explorer rows, so that it compares like for like with the request cost billed on
 * those days. Each run of consecutive days is one period. `requestsByDay` is null when the
 * key's request volume is unknown; a covered day missing from it had no requests.
 */
export function modeledKeyCostOverDays(
  key: ModeledKey,
  days: readonly Day[],
  input: { requestsByDay: ReadonlyMap<Day, number> | null; now: Date; prices: KmsPrices },
): ModeledKeyCost {
  const sum: ModeledKeyCost = { keyMonths: 0, keyCost: 0, rotationCost: 0, requestCost: input.requestsByDay ? 0 : null, total: 0 };
  for (const run of consecutiveRuns(days)) {
    const requests = input.requestsByDay ? run.reduce((a, d) => a + (input.requestsByDay!.get(d) ?? 0), 0) : null;
    const period = { start: dayToDate(run[0]!), end: dayToDate(addDays(run.at(-1)!, 1)) };
    const cost = modeledKeyCost(key, { period, now: input.now, requests, prices: input.prices });
    sum.keyMonths += cost.keyMonths;
    sum.keyCost += cost.keyCost;
    sum.rotationCost += cost.rotationCost;
    if (sum.requestCost !== null) sum.requestCost += cost.requestCost ?? 0;
    sum.total += cost.total;
  }
  return sum;
}

function consecutiveRuns(days: readonly Day[]): Day[][] {
  const runs: Day[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && addDays(run.at(-1)!, 1) === day) run.push(day);
    else runs.push([day]);
  }
  return runs;
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
