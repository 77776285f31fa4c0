// Which policy conditions limit a grant to "*" to a known account, organization, service or
// resource. Conservative: a condition only restricts when it can only be satisfied by the
// named party - so no IfExists (passes when the key is absent), no ForAllValues (passes on an
// empty set), no negated operator on an Allow, and no value that is itself a wildcard.
import type { Conditions } from "./policy-document";

export type ConditionMode =
  /** An Allow whose condition restricts who can use the grant. */
  | "allow"
  /** A Deny that applies unless the caller is the named party (StringNotEquals aws:PrincipalOrgID ...). */
  | "deny-unless"
  /** Bool kms:GrantIsForAWSResource = true: grants only for AWS services integrated with KMS. */
  | "grant-for-aws-resource";

const ACCOUNT_KEYS = new Set(["aws:principalaccount", "aws:sourceaccount", "kms:calleraccount"]);
const ORG_KEYS = new Set(["aws:principalorgid", "aws:sourceorgid"]);
const ORG_PATH_KEYS = new Set(["aws:principalorgpaths", "aws:sourceorgpaths"]);
const ARN_KEYS = new Set(["aws:sourcearn", "aws:principalarn"]);
const SERVICE_KEYS = new Set(["kms:viaservice"]);

export const RESTRICTING_CONDITION_KEYS: ReadonlySet<string> = new Set([
  ...ACCOUNT_KEYS, ...ORG_KEYS, ...ORG_PATH_KEYS, ...ARN_KEYS, ...SERVICE_KEYS,
]);

const POSITIVE = /^(foranyvalue:)?(stringequals|stringequalsignorecase|stringlike|arnequals|arnlike)$/;
const NEGATED = /^(stringnotequals|stringnotequalsignorecase|stringnotlike|arnnotequals|arnnotlike)$/;

/** A value that names one party rather than matching any. */
export function isConcreteValue(key: string, value: string): boolean {
  const v = value.trim();
  if (ACCOUNT_KEYS.has(key)) return /^\d{12}$/.test(v);
  if (ORG_KEYS.has(key)) return /^o-[a-z0-9]+$/i.test(v);
  // The organization is fixed; the OU path below it may use wildcards.
  if (ORG_PATH_KEYS.has(key)) return /^o-[a-z0-9]+\//i.test(v);
  if (ARN_KEYS.has(key)) {
    const account = v.split(":")[4];
    if (account === undefined) return false;
    // An account-less ARN (an S3 bucket) must name the resource exactly.
    return /^\d{12}$/.test(account) || (account === "" && !/[*?]/.test(v));
  }
  if (SERVICE_KEYS.has(key)) return v !== "" && !/[*?]/.test(v);
  return false;
}

export function isRestricting(conditions: Conditions, mode: ConditionMode): boolean {
  for (const [operator, keys] of conditions) {
    if (mode === "grant-for-aws-resource") {
      const values = operator === "bool" ? keys.get("kms:grantisforawsresource") : undefined;
      if (values && values.length > 0 && values.every((v) => v.toLowerCase() === "true")) return true;
      continue;
    }
    if (!(mode === "allow" ? POSITIVE : NEGATED).test(operator)) continue;
    for (const [key, values] of keys) {
      if (!RESTRICTING_CONDITION_KEYS.has(key)) continue;
      if (values.length > 0 && values.every((v) => isConcreteValue(key, v))) return true;
    }
  }
  return false;
}
