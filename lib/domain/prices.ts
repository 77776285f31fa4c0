// KMS list prices (us-east-1), DOMAIN.md §2. One table, overridable from the policy settings
// (settings.priceOverrides), so every modeled number uses the same figures the UI shows.
// Request prices are kept "per 10,000 requests" because that is how AWS publishes them and how
// a person types an override; requestPriceForKeySpec converts to a per-request price.

export interface KmsPrices {
  /** USD per CMK per key-month, prorated hourly (every CMK kind, each MR primary and replica). */
  keyMonth: number;
  /** USD added per key-month by each of the first rotations of a key. */
  rotationSurchargePerRotation: number;
  /** Rotations after this many add nothing (AWS: the 2nd rotation is the last billed one). */
  rotationSurchargeMaxRotations: number;
  /** USD per 10,000 symmetric (and HMAC) requests: usage type `KMS-Requests`. */
  symmetricPer10k: number;
  /** USD per 10,000 asymmetric requests on RSA_2048 keys. */
  rsa2048Per10k: number;
  /** USD per 10,000 other asymmetric requests (RSA 3072/4096, ECC, ...). */
  otherAsymmetricPer10k: number;
  /** USD per 10,000 GenerateDataKeyPair requests producing ECC pairs. */
  generateDataKeyPairEccPer10k: number;
  /** USD per 10,000 GenerateDataKeyPair requests producing RSA pairs. */
  generateDataKeyPairRsaPer10k: number;
  /** Free requests per account and month across regions (symmetric only). */
  freeTierRequests: number;
}

export const KMS_LIST_PRICES: Readonly<KmsPrices> = Object.freeze({
  keyMonth: 1.0,
  rotationSurchargePerRotation: 1.0,
  rotationSurchargeMaxRotations: 2,
  symmetricPer10k: 0.03,
  rsa2048Per10k: 0.03,
  otherAsymmetricPer10k: 0.15,
  generateDataKeyPairEccPer10k: 0.1,
  generateDataKeyPairRsaPer10k: 12.0,
  freeTierRequests: 20_000,
});

export const PRICE_KEYS = Object.keys(KMS_LIST_PRICES) as (keyof KmsPrices)[];

/** The list prices with the given fields replaced; undefined fields keep the list price. */
export function applyPriceOverrides(overrides: Partial<KmsPrices> | undefined, base: KmsPrices = KMS_LIST_PRICES): KmsPrices {
  const prices: KmsPrices = { ...base };
  if (!overrides) return prices;
  for (const key of PRICE_KEYS) {
    const value = overrides[key];
    if (value !== undefined) prices[key] = value;
  }
  return prices;
}

/**
 * USD per request on a key of this spec. SYMMETRIC_DEFAULT and HMAC_* are billed as standard
 * requests; RSA_2048 has its own (equal) rate; every other asymmetric spec (RSA_3072/4096,
 * ECC_*, ML_DSA_*, SM2) pays the asymmetric rate. An unknown or empty spec is priced as
 * symmetric, the spec of nearly every key and the only one storage services accept.
 * GenerateDataKeyPair prices depend on the operation, not the key spec (the wrapping key is
 * symmetric), so they are not chosen here.
 */
export function requestPriceForKeySpec(keySpec: string | null | undefined, prices: KmsPrices = KMS_LIST_PRICES): number {
  const spec = (keySpec ?? "").toUpperCase();
  if (spec === "RSA_2048") return prices.rsa2048Per10k / 10_000;
  if (spec.startsWith("RSA_") || spec.startsWith("ECC_") || spec.startsWith("ML_DSA_") || spec === "SM2") {
    return prices.otherAsymmetricPer10k / 10_000;
  }
  return prices.symmetricPer10k / 10_000;
}

/** USD per key-month of rotation surcharge for a key with this many completed rotations. */
export function rotationSurchargePerKeyMonth(rotationCount: number | null | undefined, prices: KmsPrices = KMS_LIST_PRICES): number {
  const billedRotations = Math.min(Math.max(rotationCount ?? 0, 0), prices.rotationSurchargeMaxRotations);
  return billedRotations * prices.rotationSurchargePerRotation;
}
