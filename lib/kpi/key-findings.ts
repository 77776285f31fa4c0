// Findings on one customer managed key (DOMAIN.md §6.3). AWS managed keys get none: their
// policy, rotation, tags and lifecycle belong to AWS.
import { applyPriceOverrides, rotationSurchargePerKeyMonth } from "@/lib/domain/prices";
import type { KeyUsageRecord, KmsKeyRecord } from "@/lib/domain/records";
import type { PolicySettings } from "@/lib/settings/policy";
import { compileSettingRegex } from "@/lib/settings/setting-regex";
import { analyzeKeyPolicy, type PolicyFindingCode } from "./key-policy";

export type KeyFindingCode =
  | "ROTATION_DISABLED"
  | "MISSING_TAGS"
  | "ALIAS_CONVENTION"
  | PolicyFindingCode
  | "SHARED_MASTER_KEY"
  | "PENDING_DELETION_IN_USE"
  | "DISABLED_BILLED"
  | "UNUSED";

export type Severity = "critical" | "high" | "medium" | "low";

/**
 * critical: data loss or exposure now (a key in use about to be deleted; a key anyone can use).
 * high: more principals can decrypt than the owner intended.
 * medium: weakens control or blast radius (no rotation, no separation of duties, shared key).
 * low: hygiene and money (tags, alias, idle keys).
 */
export const FINDING_SEVERITY: Record<KeyFindingCode, Severity> = {
  PENDING_DELETION_IN_USE: "critical",
  PUBLIC_POLICY: "critical",
  BROAD_USAGE: "high",
  NO_SEPARATION_OF_DUTIES: "medium",
  ROTATION_DISABLED: "medium",
  SHARED_MASTER_KEY: "medium",
  MISSING_TAGS: "low",
  ALIAS_CONVENTION: "low",
  DISABLED_BILLED: "low",
  UNUSED: "low",
};

/** The findings a newly created key must be free of to count as provisioned (MTTP, §6.7). */
export const HYGIENE_FINDING_CODES: readonly KeyFindingCode[] = [
  "ALIAS_CONVENTION",
  "MISSING_TAGS",
  "ROTATION_DISABLED",
  "PUBLIC_POLICY",
  "BROAD_USAGE",
  "NO_SEPARATION_OF_DUTIES",
];

export interface KeyFinding {
  code: KeyFindingCode;
  severity: Severity;
  evidence: Record<string, unknown>;
}

export interface ReferencingResource {
  resourceArn: string;
  businessUnit: string;
  application: string;
}

export interface KeyFindingContext {
  /** The snapshot time findings are evaluated at. */
  asOf: Date;
  /** GetKeyLastUsage for the key; null when not collected (treated as UNKNOWN). */
  usage: KeyUsageRecord | null;
  /** Storage resources whose keyArn is this key. */
  referencingResources: ReferencingResource[];
}

export type KeyFindingSettings = Pick<
  PolicySettings,
  "requiredKeyTags" | "aliasPattern" | "sharedKeyApplicationThreshold" | "unusedKeyDays" | "priceOverrides"
>;

const DAY_MS = 86_400_000;
const distinctNonEmpty = (values: string[]) => [...new Set(values.filter((v) => v !== ""))].sort();

/** Automatic rotation exists only for symmetric keys with AWS_KMS key material (§1). */
export function rotationApplies(key: KmsKeyRecord): boolean {
  return key.keySpec === "SYMMETRIC_DEFAULT" && key.origin === "AWS_KMS" && key.keyState !== "PendingDeletion"
    // Replicas follow their primary's rotation; the finding belongs on the primary.
    && key.multiRegionRole !== "REPLICA";
}

/**
 * No cryptographic use for unusedKeyDays: last use (or, never used, the later of creation and
 * tracking start) at least that long before asOf. UNKNOWN or missing usage never qualifies.
 */
export function isIdle(key: KmsKeyRecord, usage: KeyUsageRecord | null, asOf: Date, unusedKeyDays: number): boolean {
  const cutoff = asOf.getTime() - unusedKeyDays * DAY_MS;
  if (!usage || usage.status === "UNKNOWN") return false;
  if (usage.status === "USED") return usage.lastUsedAt !== null && usage.lastUsedAt.getTime() <= cutoff;
  const observedSince = Math.max(key.creationDate.getTime(), usage.trackingStartDate?.getTime() ?? key.creationDate.getTime());
  return observedSince <= cutoff;
}

export function keyFindings(key: KmsKeyRecord, ctx: KeyFindingContext, settings: KeyFindingSettings): KeyFinding[] {
  if (key.keyManager !== "CUSTOMER") return [];
  const found: KeyFinding[] = [];
  const add = (code: KeyFindingCode, evidence: Record<string, unknown>) =>
    found.push({ code, severity: FINDING_SEVERITY[code], evidence });
  const refs = ctx.referencingResources;
  const pendingDeletion = key.keyState === "PendingDeletion";

  // null = not applicable or unreadable: no claim either way.
  if (rotationApplies(key) && key.rotationEnabled === false) add("ROTATION_DISABLED", { keySpec: key.keySpec, origin: key.origin });

  const missing = settings.requiredKeyTags.filter((tag) => (key.tags[tag] ?? "").trim() === "");
  if (missing.length) add("MISSING_TAGS", { missing });

  // RE2, not RegExp: the pattern is a setting, and a backtracking one could stall the server.
  const aliasPattern = compileSettingRegex(settings.aliasPattern);
  if (!key.aliases.some((alias) => aliasPattern.test(alias))) {
    add("ALIAS_CONVENTION", { aliases: key.aliases, pattern: settings.aliasPattern });
  }

  if (key.policy != null) {
    for (const finding of analyzeKeyPolicy(key.policy, key.accountId)) add(finding.code, { matches: finding.evidence });
  }

  // Untagged resources ("") say nothing about who else shares the key.
  const businessUnits = distinctNonEmpty(refs.map((r) => r.businessUnit));
  const applications = distinctNonEmpty(refs.map((r) => r.application));
  if (businessUnits.length > 1 || applications.length > settings.sharedKeyApplicationThreshold) {
    add("SHARED_MASTER_KEY", {
      businessUnits,
      applications,
      applicationThreshold: settings.sharedKeyApplicationThreshold,
      resourceCount: refs.length,
    });
  }

  if (pendingDeletion && refs.length > 0) {
    // A started day counts: 6.5 days before deletion shows "7 days left".
    const daysLeft = key.deletionDate ? Math.max(0, Math.ceil((key.deletionDate.getTime() - ctx.asOf.getTime()) / DAY_MS)) : null;
    add("PENDING_DELETION_IN_USE", {
      daysLeft,
      deletionDate: key.deletionDate?.toISOString() ?? null,
      resourceArns: refs.map((r) => r.resourceArn),
    });
  }

  if (key.keyState === "Disabled") {
    const prices = applyPriceOverrides(settings.priceOverrides);
    add("DISABLED_BILLED", { monthlyCost: prices.keyMonth + rotationSurchargePerKeyMonth(key.rotationCount, prices) });
  }

  // A key already scheduled for deletion is being dealt with: not a deletion candidate.
  if (!pendingDeletion && refs.length === 0 && isIdle(key, ctx.usage, ctx.asOf, settings.unusedKeyDays)) {
    add("UNUSED", {
      unusedKeyDays: settings.unusedKeyDays,
      usageStatus: ctx.usage?.status ?? null,
      lastUsedAt: ctx.usage?.lastUsedAt?.toISOString() ?? null,
    });
  }
  return found;
}
