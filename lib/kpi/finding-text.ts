// A key finding in plain language (issue 19 item 5): what the stored evidence says, and the fix.
// Pure, over the evidence lib/kpi/key-findings.ts writes, so the findings page, its CSV and the
// API say the same sentence. Evidence written by an older version may lack a field: the text
// then leaves that part out rather than printing "undefined".
import { formatUsd } from "@/lib/domain/format";
import type { KeyFindingCode } from "./key-findings";
import type { PolicyFindingEvidence } from "./key-policy";

type Evidence = Record<string, unknown>;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (values: string[]) => values.join(", ");

/** "statement #2 (Sid AllowAll) {…}": the index as the policy numbers it (1-based), its Sid and body. */
function statementText(s: PolicyFindingEvidence["statements"][number]): string {
  const sid = s.sid ? ` (Sid ${s.sid})` : "";
  return `statement #${s.statementIndex + 1}${sid} ${JSON.stringify(s.statement)}`;
}

function policyText(evidence: Evidence): string {
  const matches = Array.isArray(evidence.matches) ? (evidence.matches as PolicyFindingEvidence[]) : [];
  if (matches.length === 0) return "The key policy grants more than it should";
  return matches.map((m) => `Principal ${m.principal}: ${m.reason}; ${(m.statements ?? []).map(statementText).join("; ")}`).join(" | ");
}

function sharedText(e: Evidence): string {
  const apps = strings(e.applications);
  const bus = strings(e.businessUnits);
  const parts: string[] = [];
  if (typeof e.applicationThreshold === "number" && apps.length > e.applicationThreshold) {
    parts.push(`used by ${plural(apps.length, "application")}, threshold ${e.applicationThreshold} (${list(apps)})`);
  }
  if (bus.length > 1) parts.push(`protects resources of ${plural(bus.length, "business unit")} (${list(bus)})`);
  if (typeof e.resourceCount === "number") parts.push(plural(e.resourceCount, "resource"));
  return capitalize(parts.join("; "));
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function evidenceText(code: KeyFindingCode, e: Evidence): string {
  switch (code) {
    case "ROTATION_DISABLED":
      return `Automatic rotation is off on a ${String(e.keySpec ?? "symmetric")} key with ${String(e.origin ?? "AWS_KMS")} key material`;
    case "MISSING_TAGS":
      return `Missing required tags: ${list(strings(e.missing))}`;
    case "ALIAS_CONVENTION": {
      const aliases = strings(e.aliases);
      return `No alias matches ${String(e.pattern ?? "the naming pattern")}; ${aliases.length ? `aliases: ${list(aliases)}` : "the key has no alias"}`;
    }
    case "PUBLIC_POLICY":
    case "BROAD_USAGE":
    case "NO_SEPARATION_OF_DUTIES":
      return policyText(e);
    case "SHARED_MASTER_KEY":
      return sharedText(e);
    case "PENDING_DELETION_IN_USE": {
      const refs = strings(e.resourceArns);
      const when = typeof e.daysLeft === "number" ? `Deleted in ${plural(e.daysLeft, "day")}${typeof e.deletionDate === "string" ? ` (${e.deletionDate.slice(0, 10)})` : ""}` : "Scheduled for deletion";
      return `${when}; still used by ${plural(refs.length, "resource")}: ${list(refs)}`;
    }
    case "DISABLED_BILLED":
      return typeof e.monthlyCost === "number" ? `Disabled, still billed ${formatUsd(e.monthlyCost)} per month` : "Disabled, still billed per key-month";
    case "UNUSED": {
      const last = typeof e.lastUsedAt === "string" ? `last used ${e.lastUsedAt.slice(0, 10)}` : "never used";
      return `No cryptographic use for ${String(e.unusedKeyDays ?? 90)} days or more (${last}); no resource references it`;
    }
  }
}

/** What to do about it, in one sentence (the AWS API call where there is one). */
export const FINDING_FIX: Record<KeyFindingCode, string> = {
  ROTATION_DISABLED: "Enable automatic key rotation (EnableKeyRotation).",
  MISSING_TAGS: "Add the missing tags to the key (TagResource).",
  ALIAS_CONVENTION: "Create an alias that follows the naming convention (CreateAlias).",
  PUBLIC_POLICY: "Name the principals, or add a condition such as aws:PrincipalOrgID, aws:SourceAccount or kms:CallerAccount to the statement.",
  BROAD_USAGE: "Grant kms:Decrypt only to the roles that need it; no kms:*, wildcard principals or other accounts.",
  NO_SEPARATION_OF_DUTIES: "Give key administration and key use to different principals.",
  SHARED_MASTER_KEY: "Give each business unit or application its own CMK and re-encrypt its resources.",
  PENDING_DELETION_IN_USE: "Cancel the deletion (CancelKeyDeletion), or re-encrypt the resources with another key before the date.",
  DISABLED_BILLED: "Schedule the key for deletion if nothing needs it, or enable it again.",
  UNUSED: "Check CloudTrail for use, then schedule the key for deletion (ScheduleKeyDeletion).",
};

/** The finding's evidence as a sentence and its fix; an unknown code gets the raw evidence. */
export function describeFinding(code: string, evidence: unknown): { evidenceText: string; fix: string } {
  const e = evidence && typeof evidence === "object" && !Array.isArray(evidence) ? (evidence as Evidence) : {};
  if (!(code in FINDING_FIX)) return { evidenceText: JSON.stringify(evidence ?? null), fix: "" };
  return { evidenceText: evidenceText(code as KeyFindingCode, e), fix: FINDING_FIX[code as KeyFindingCode] };
}
