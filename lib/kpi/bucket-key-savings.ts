// Projected monthly savings (DOMAIN.md §6.5, §6.6): S3 Bucket Keys on SSE-KMS buckets, and
// idle keys (UNUSED, DISABLED_BILLED). The account-level free tier is ignored: savings are
// priced at the marginal request price, which is what an account above 20,000 requests saves.
import { sumMoney } from "@/lib/domain/money";
import { requestPriceForKeySpec, rotationSurchargePerKeyMonth, type KmsPrices } from "@/lib/domain/prices";
import type { KmsKeyRecord, StorageResourceRecord } from "@/lib/domain/records";

export type AttributionBasis = "exact" | "estimated-shared" | "no-data";

export interface KeyUsers {
  /** Buckets (resource ARNs) whose encryption uses the key. */
  bucketArns: string[];
  /** Other users of the key (volumes, databases, ...) that share its request volume. */
  otherUsers: number;
}

export interface BucketKeySavings {
  resourceArn: string;
  keyArn: string | null;
  basis: AttributionBasis;
  /** Monthly requests attributed to the bucket; null (not 0) when the key's volume is unknown. */
  monthlyRequests: number | null;
  monthlySavings: number | null;
}

export interface BucketKeySavingsInput {
  /** Monthly requests per key ARN; undefined when unknown (no per-key cost data). */
  requestsByKey: ReadonlyMap<string, number | undefined>;
  usersByKey: ReadonlyMap<string, KeyUsers>;
  /** Key spec per key ARN; S3 accepts symmetric keys only, the default when missing. */
  keySpecByKey?: ReadonlyMap<string, string>;
  prices: KmsPrices;
  /** Expected share of requests a Bucket Key removes (settings.bucketKeyReduction). */
  reduction: number;
}

/**
 * Buckets that would gain from a Bucket Key: S3, SSE-KMS with a CMK or aws/s3, Bucket Key
 * known to be off. DSSE-KMS (aws:kms:dsse) is left out: S3 does not support Bucket Keys with it.
 */
export function isBucketKeyCandidate(resource: StorageResourceRecord): boolean {
  return (
    resource.service === "S3" &&
    resource.sseAlgorithm === "aws:kms" &&
    (resource.encryptionClass === "CUSTOMER_KMS" || resource.encryptionClass === "AWS_MANAGED_KMS") &&
    resource.bucketKeyEnabled === false
  );
}

/**
 * The key's volume goes to the bucket whole when it is the key's only user, split evenly over
 * all users when shared (an estimate: users' volumes are not observed separately), and is
 * "no data" when the key's volume is unknown. A key missing from usersByKey counts as used by
 * this bucket alone, since the bucket is known to use it.
 */
export function bucketKeySavings(resources: StorageResourceRecord[], input: BucketKeySavingsInput): BucketKeySavings[] {
  // Per key, its buckets as a set, built once: an AWS managed key can have thousands of buckets,
  // and scanning its list for every one of them was quadratic (seconds at 100,000 buckets).
  const bucketSets = new Map<string, Set<string>>();
  const bucketsOf = (keyArn: string, users: KeyUsers) => {
    let set = bucketSets.get(keyArn);
    if (!set) bucketSets.set(keyArn, (set = new Set(users.bucketArns)));
    return set;
  };
  return resources.filter(isBucketKeyCandidate).map((bucket) => {
    const keyArn = bucket.keyArn;
    const volume = keyArn ? input.requestsByKey.get(keyArn) : undefined;
    if (keyArn === null || volume === undefined) {
      return { resourceArn: bucket.resourceArn, keyArn, basis: "no-data", monthlyRequests: null, monthlySavings: null };
    }
    const users = input.usersByKey.get(keyArn);
    const buckets = users ? bucketsOf(keyArn, users) : undefined;
    const otherBuckets = buckets ? buckets.size - (buckets.has(bucket.resourceArn) ? 1 : 0) : 0;
    const userCount = 1 + otherBuckets + (users?.otherUsers ?? 0);
    const monthlyRequests = volume / userCount;
    const price = requestPriceForKeySpec(input.keySpecByKey?.get(keyArn) ?? "SYMMETRIC_DEFAULT", input.prices);
    return {
      resourceArn: bucket.resourceArn,
      keyArn,
      basis: userCount === 1 ? "exact" : "estimated-shared",
      monthlyRequests,
      monthlySavings: monthlyRequests * price * input.reduction,
    };
  });
}

export interface BucketKeySavingsTotals {
  /** Sum over buckets with per-key data; null (unknown, not $0) when candidates exist but none has data. */
  exact: number | null;
  estimated: number | null;
  buckets: number;
  /** Buckets without per-key data: never included in the sums. */
  noData: number;
}

/** The sums are exact (lib/domain/money.ts): each saving rounded to 10 decimals, added in integer units. */
export function bucketKeySavingsTotals(rows: Pick<BucketKeySavings, "basis" | "monthlySavings">[]): BucketKeySavingsTotals {
  const exact: number[] = [];
  const estimated: number[] = [];
  let noData = 0;
  for (const r of rows) {
    if (r.basis === "exact") exact.push(r.monthlySavings ?? 0);
    else if (r.basis === "estimated-shared") estimated.push(r.monthlySavings ?? 0);
    else noData++;
  }
  const unknown = rows.length > 0 && noData === rows.length;
  return { exact: unknown ? null : sumMoney(exact), estimated: unknown ? null : sumMoney(estimated), buckets: rows.length, noData };
}

export interface IdleKeySavings {
  keyArn: string;
  /** The idle findings the key has (UNUSED and/or DISABLED_BILLED). */
  codes: ("UNUSED" | "DISABLED_BILLED")[];
  /** $1 key-month + rotation surcharge: what deleting the key saves per month. */
  monthlySavings: number;
}

/** One saving per key, even when it is both disabled and unused (deleting it saves once). */
export function idleKeySavings(
  keys: { key: Pick<KmsKeyRecord, "keyArn" | "keyManager" | "rotationCount">; codes: Iterable<string> }[],
  prices: KmsPrices,
): IdleKeySavings[] {
  const result: IdleKeySavings[] = [];
  for (const { key, codes } of keys) {
    if (key.keyManager !== "CUSTOMER") continue;
    const set = new Set(codes);
    const idle = (["UNUSED", "DISABLED_BILLED"] as const).filter((c) => set.has(c));
    if (idle.length === 0) continue;
    result.push({
      keyArn: key.keyArn,
      codes: idle,
      monthlySavings: prices.keyMonth + rotationSurchargePerKeyMonth(key.rotationCount, prices),
    });
  }
  return result;
}
