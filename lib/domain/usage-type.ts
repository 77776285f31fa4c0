// Cost Explorer USAGE_TYPE values for KMS look like "USE2-KMS-Requests" or "KMS-Keys" (no prefix
// in us-east-1). DOMAIN.md §3: classify on the suffix, never on an exact string.
import type { CostCategory } from "@/lib/domain/records";

/** Billing region codes as they appear in usage types; the unprefixed form is us-east-1. */
export const USAGE_TYPE_REGION_PREFIXES: Readonly<Record<string, string>> = {
  USE1: "us-east-1",
  USE2: "us-east-2",
  USW1: "us-west-1",
  USW2: "us-west-2",
  CAN1: "ca-central-1",
  CAN2: "ca-west-1",
  SAE1: "sa-east-1",
  MXC1: "mx-central-1",
  EU: "eu-west-1", // legacy code still used by a few usage types
  EUC1: "eu-central-1",
  EUC2: "eu-central-2",
  EUW1: "eu-west-1",
  EUW2: "eu-west-2",
  EUW3: "eu-west-3",
  EUN1: "eu-north-1",
  EUS1: "eu-south-1",
  EUS2: "eu-south-2",
  APE1: "ap-east-1",
  APE2: "ap-east-2",
  APN1: "ap-northeast-1",
  APN2: "ap-northeast-2",
  APN3: "ap-northeast-3",
  APS1: "ap-southeast-1",
  APS2: "ap-southeast-2",
  APS3: "ap-south-1",
  APS4: "ap-southeast-3",
  APS5: "ap-south-2",
  APS6: "ap-southeast-4",
  APS7: "ap-southeast-5",
  APS8: "ap-southeast-7",
  MES1: "me-south-1",
  MEC1: "me-central-1",
  ILC1: "il-central-1",
  AFS1: "af-south-1",
  UGW1: "us-gov-west-1",
  UGE1: "us-gov-east-1",
};

/** Region of a usage type whose prefix names no known region (never guessed as us-east-1). */
export const UNKNOWN_REGION = "unknown";

// KMS prefixes its usage types with the region id ("eu-central-1-KMS-Requests", DOMAIN.md §3);
// other services use billing codes ("EUW1-"). Both are accepted.
const REGION_ID_PREFIX = /^([a-z]{2}(?:-[a-z]+)+-\d+)-(.+)$/;
const PREFIX = /^([A-Z]{2,4}\d{0,2})-(.+)$/;

type Prefix = { kind: "none" } | { kind: "regionId"; region: string } | { kind: "code"; code: string };

/** Splits "USE2-KMS-Requests" / "us-east-2-KMS-Requests" into its region prefix and the rest. */
function splitPrefix(usageType: string): { prefix: Prefix; rest: string } {
  const regionId = REGION_ID_PREFIX.exec(usageType);
  if (regionId) return { prefix: { kind: "regionId", region: regionId[1]! }, rest: regionId[2]! };
  const match = PREFIX.exec(usageType);
  // "KMS-Keys" itself matches the shape of a prefix: the service name is not a region.
  if (!match || match[1] === "KMS") return { prefix: { kind: "none" }, rest: usageType };
  return { prefix: { kind: "code", code: match[1]! }, rest: match[2]! };
}

export function classifyUsageType(usageType: string): CostCategory {
  const { rest } = splitPrefix(usageType.trim());
  if (/(^|-)KMS-Keys$/.test(rest)) return "KEYS";
  if (/(^|-)KMS-Requests(-|$)/.test(rest)) return "REQUESTS";
  return "OTHER";
}

/**
 * Region of a usage type: the region id KMS writes, a known billing code, or us-east-1 for no
 * prefix (the billing convention). An unknown billing code gives UNKNOWN_REGION, which the
 * collector counts in a run warning, so a new region shows up instead of being mislabelled.
 */
export function regionFromUsageType(usageType: string): string {
  const { prefix } = splitPrefix(usageType.trim());
  if (prefix.kind === "none") return "us-east-1";
  if (prefix.kind === "regionId") return prefix.region;
  return USAGE_TYPE_REGION_PREFIXES[prefix.code] ?? UNKNOWN_REGION;
}
