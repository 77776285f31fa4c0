// Key-policy findings (DOMAIN.md §6.3): PUBLIC_POLICY, BROAD_USAGE, NO_SEPARATION_OF_DUTIES.
// Each finding carries its evidence: the principal, why, and the statements (index, Sid, body).
// The default key policy - the key's own account root with kms:* - delegates to IAM and is fine.
import { parsePolicyDocument, type ParsedStatement, type Principal } from "./policy-document";
import { isRestricting, type ConditionMode } from "./policy-conditions";

export type PolicyFindingCode = "PUBLIC_POLICY" | "BROAD_USAGE" | "NO_SEPARATION_OF_DUTIES";

export interface StatementEvidence {
  statementIndex: number;
  sid: string | null;
  statement: unknown;
}

export interface PolicyFindingEvidence {
  principal: string;
  reason: string;
  statements: StatementEvidence[];
}

export interface PolicyFinding {
  code: PolicyFindingCode;
  evidence: PolicyFindingEvidence[];
}

/** Administrative actions: Put*, ScheduleKeyDeletion, Disable*, Delete*, Create*, Update*. */
export const isAdminAction = (name: string) => /^(Put|Disable|Delete|Create|Update)/i.test(name) || /^ScheduleKeyDeletion$/i.test(name);
/** Use actions: Decrypt, Encrypt, GenerateDataKey*, ReEncrypt*. */
export const isUseAction = (name: string) => /^(Decrypt|Encrypt|GenerateDataKey.*|ReEncrypt.*)$/i.test(name);

const evidenceOf = (s: ParsedStatement): StatementEvidence => ({ statementIndex: s.index, sid: s.sid, statement: s.statement });

/**
 * Whether a Deny certainly reaches the principal. A NotPrincipal Deny spares its listed
 * principals, and "*" (which includes them) is not certainly denied.
 */
function denyReaches(deny: ParsedStatement, principal: Principal): boolean {
  if (deny.exempt.length > 0) return principal.kind !== "any" && !deny.exempt.some((p) => p.id === principal.id || p.kind === "any");
  return deny.principals.some((p) => p.kind === "any" || p.id === principal.id);
}

/** Actions a statement leaves to this principal once unconditional Denies are applied. */
function effectiveActions(allow: ParsedStatement, principal: Principal, denies: ParsedStatement[]): Set<string> {
  const actions = new Set(allow.actions);
  for (const deny of denies) {
    if (deny.conditions.size > 0) continue; // a conditional Deny cannot be evaluated statically
    if (!denyReaches(deny, principal)) continue;
    for (const action of deny.actions) actions.delete(action);
  }
  return actions;
}

const hasCondition = (s: ParsedStatement, mode: ConditionMode) => isRestricting(s.conditions, mode);

/** Allow to "*" is restricted by its own condition, or by a Deny on "*" unless a condition holds. */
function publicAllowIsRestricted(allow: ParsedStatement, actions: Set<string>, denies: ParsedStatement[]): boolean {
  if (hasCondition(allow, "allow")) return true;
  return denies.some(
    (deny) =>
      deny.principals.some((p) => p.kind === "any") &&
      hasCondition(deny, "deny-unless") &&
      [...actions].every((action) => deny.actions.has(action)),
  );
}

function broadReason(principal: Principal, keyAccountId: string, fullAccess: boolean, decrypt: boolean): string | null {
  const grant = fullAccess ? "kms:*" : "kms:Decrypt";
  switch (principal.kind) {
    case "any":
      return fullAccess || decrypt ? `${grant} granted to every principal "*"` : null;
    case "account-root":
      if (principal.account === keyAccountId) return null;
      return fullAccess || decrypt ? `${grant} granted to another account (${principal.account})` : null;
    case "iam":
      if (!(fullAccess || decrypt)) return null;
      if (principal.wildcard) return `${grant} granted through a wildcard principal`;
      if (principal.account !== keyAccountId) return `${grant} granted to a principal of another account (${principal.account})`;
      return fullAccess ? "kms:* granted to a principal other than the account root" : null;
    default:
      return fullAccess ? "kms:* granted to a principal other than the account root" : null;
  }
}

/**
 * Findings of one key policy. keyAccountId is the key's account: its root is the only principal
 * that may hold kms:*. Rules (conservative where IAM cannot be evaluated statically):
 * - PUBLIC_POLICY: an Allow to "*" (Principal "*", {"AWS": "*"} or any NotPrincipal) with no
 *   restricting condition (policy-conditions.ts) and no Deny-unless-condition covering it.
 * - BROAD_USAGE: Decrypt (or kms:*, "*", NotAction) to "*" - restricted or not, since even "every
 *   principal of the organization" is broad -, to another account, or to a wildcard principal;
 *   and kms:* to any principal other than the key account's root.
 * - NO_SEPARATION_OF_DUTIES: one non-root principal holds an admin and a use action, possibly
 *   through different statements. CreateGrant limited by kms:GrantIsForAWSResource (the console's
 *   "key users" statement) is use, not administration.
 * Unconditional Deny statements remove actions; conditional ones are ignored except the
 * "Deny * unless aws:PrincipalOrgID ..." pattern that restricts a public Allow.
 */
export function analyzeKeyPolicy(policy: unknown, keyAccountId: string): PolicyFinding[] {
  const statements = parsePolicyDocument(policy);
  const denies = statements.filter((s) => s.effect === "Deny");
  const allows = statements.filter((s) => s.effect === "Allow");
  const publicEvidence: PolicyFindingEvidence[] = [];
  const broadEvidence: PolicyFindingEvidence[] = [];
  const duties = new Map<string, { admin: Set<string>; use: Set<string>; statements: ParsedStatement[] }>();

  for (const allow of allows) {
    for (const principal of allow.principals) {
      const actions = effectiveActions(allow, principal, denies);
      if (actions.size === 0) continue;

      if (principal.kind === "any" && !publicAllowIsRestricted(allow, actions, denies)) {
        publicEvidence.push({ principal: "*", reason: "Allow to \"*\" without a restricting condition", statements: [evidenceOf(allow)] });
      }

      const reason = broadReason(principal, keyAccountId, allow.allActions, actions.has("Decrypt"));
      if (reason) broadEvidence.push({ principal: principal.id, reason, statements: [evidenceOf(allow)] });

      if (principal.kind === "account-root") continue;
      const entry = duties.get(principal.id) ?? { admin: new Set(), use: new Set(), statements: [] };
      const grantForAwsResource = hasCondition(allow, "grant-for-aws-resource");
      let contributes = false;
      for (const action of actions) {
        if (isUseAction(action)) entry.use.add(action);
        else if (isAdminAction(action) && !(action === "CreateGrant" && grantForAwsResource)) entry.admin.add(action);
        else continue;
        contributes = true;
      }
      if (contributes && !entry.statements.includes(allow)) entry.statements.push(allow);
      duties.set(principal.id, entry);
    }
  }

  const dutiesEvidence: PolicyFindingEvidence[] = [];
  for (const [principal, { admin, use, statements: held }] of duties) {
    if (admin.size === 0 || use.size === 0) continue;
    dutiesEvidence.push({
      principal,
      reason: `administers (${[...admin].sort().join(", ")}) and uses (${[...use].sort().join(", ")}) the key`,
      statements: held.map(evidenceOf),
    });
  }

  const findings: PolicyFinding[] = [];
  if (publicEvidence.length) findings.push({ code: "PUBLIC_POLICY", evidence: publicEvidence });
  if (broadEvidence.length) findings.push({ code: "BROAD_USAGE", evidence: broadEvidence });
  if (dutiesEvidence.length) findings.push({ code: "NO_SEPARATION_OF_DUTIES", evidence: dutiesEvidence });
  return findings;
}
