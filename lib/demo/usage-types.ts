import type { RequestPricing } from "./model";

const REQUEST_SUFFIX: Record<RequestPricing, string> = {
  symmetric: "KMS-Requests",
  rsa2048: "KMS-Requests-Asymmetric-RSA_2048",
  asymmetric: "KMS-Requests-Asymmetric",
};

/** The request price class of a key spec: RSA_2048 has its own usage type, other asymmetric specs another. */
export function pricingOfKeySpec(keySpec: string): RequestPricing {
  if (keySpec === "RSA_2048") return "rsa2048";
  return /^(RSA_|ECC_|ML_DSA_|SM2)/.test(keySpec) ? "asymmetric" : "symmetric";
}

/** Cost Explorer USAGE_TYPE of a region's key storage or requests, e.g. "APS2-KMS-Requests-Asymmetric". */
export function usageTypeFor(region: string, kind: "keys" | RequestPricing): string {
  // KMS writes the region id, not a billing code (DOMAIN.md §3): the demo emits the real form.
  return `${region}-${kind === "keys" ? "KMS-Keys" : REQUEST_SUFFIX[kind]}`;
}
