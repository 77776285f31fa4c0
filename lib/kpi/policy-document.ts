// Parsing of a KMS key policy into statements with normalized principals, the concrete KMS
// actions each statement covers, and its conditions. key-policy.ts draws findings from it.
// IAM matches action names case-insensitively with * and ? wildcards; instead of intersecting
// patterns, a statement is expanded over the list of KMS actions (plus any literal action it
// names), which makes "does kms:Get* cover an admin action?" a set lookup.

export const KMS_ACTIONS = [
  "CancelKeyDeletion", "ConnectCustomKeyStore", "CreateAlias", "CreateCustomKeyStore", "CreateGrant",
  "CreateKey", "Decrypt", "DeleteAlias", "DeleteCustomKeyStore", "DeleteImportedKeyMaterial",
  "DeriveSharedSecret", "DescribeCustomKeyStores", "DescribeKey", "DisableKey", "DisableKeyRotation",
  "DisconnectCustomKeyStore", "EnableKey", "EnableKeyRotation", "Encrypt", "GenerateDataKey",
  "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext",
  "GenerateMac", "GenerateRandom", "GetKeyLastUsage", "GetKeyPolicy", "GetKeyRotationStatus",
  "GetParametersForImport", "GetPublicKey", "ImportKeyMaterial", "ListAliases", "ListGrants",
  "ListKeyPolicies", "ListKeyRotations", "ListKeys", "ListResourceTags", "ListRetirableGrants",
  "PutKeyPolicy", "ReEncryptFrom", "ReEncryptTo", "ReplicateKey", "RetireGrant", "RevokeGrant",
  "RotateKeyOnDemand", "ScheduleKeyDeletion", "Sign", "SynchronizeMultiRegionKey", "TagResource",
  "UntagResource", "UpdateAlias", "UpdateCustomKeyStore", "UpdateKeyDescription",
  "UpdatePrimaryRegion", "Verify", "VerifyMac",
] as const;

export type Principal =
  | { kind: "any"; id: "*" }
  | { kind: "account-root"; id: string; account: string }
  /** An IAM role, user or session; wildcard when the ARN itself holds * or ?. */
  | { kind: "iam"; id: string; account: string; wildcard: boolean }
  | { kind: "service"; id: string }
  | { kind: "other"; id: string };

/** operator (lowercase, e.g. "stringequals") → condition key (lowercase) → values. */
export type Conditions = Map<string, Map<string, string[]>>;

export interface ParsedStatement {
  index: number;
  sid: string | null;
  statement: unknown;
  effect: "Allow" | "Deny";
  principals: Principal[];
  /**
   * Principals a NotPrincipal statement leaves out ([] otherwise). A Deny with NotPrincipal
   * reaches every principal except these; its principals read as "*".
   */
  exempt: Principal[];
  /** Concrete KMS action names (PascalCase, no "kms:") the statement applies to. */
  actions: Set<string>;
  /** Action "*"/"kms:*", or NotAction: the statement reaches (nearly) every KMS action. */
  allActions: boolean;
  conditions: Conditions;
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const strings = (value: unknown): string[] => asArray(value).filter((v): v is string => typeof v === "string");

const ARN = /^arn:aws[a-z-]*:(iam|sts)::(\d{12}|\*):(.+)$/i;

export function parsePrincipalString(raw: string, type: string): Principal {
  const value = raw.trim();
  if (type === "AWS") {
    if (value === "*") return { kind: "any", id: "*" };
    if (/^\d{12}$/.test(value)) return { kind: "account-root", id: `arn:aws:iam::${value}:root`, account: value };
    const arn = ARN.exec(value);
    if (arn) {
      const [, , account = "", resource = ""] = arn;
      const wildcard = /[*?]/.test(account + resource);
      if (resource === "root" && !wildcard) return { kind: "account-root", id: value, account };
      return { kind: "iam", id: value, account, wildcard };
    }
    return { kind: "other", id: value };
  }
  if (type === "Service") return { kind: "service", id: `service:${value}` };
  return { kind: "other", id: `${type}:${value}` };
}

function principalList(principal: unknown): Principal[] {
  if (principal === "*") return [{ kind: "any", id: "*" }];
  if (typeof principal !== "object" || principal === null) return [];
  const result: Principal[] = [];
  for (const [type, values] of Object.entries(principal)) {
    for (const value of strings(values)) result.push(parsePrincipalString(value, type));
  }
  return result;
}

/**
 * NotPrincipal reaches everyone except the listed principals: read as "*" with those exempt.
 * An Allow with NotPrincipal is then public (conservative); a Deny with NotPrincipal spares
 * exactly the listed ARNs (IAM does not extend an account's exemption to its roles).
 */
function parsePrincipals(statement: Record<string, unknown>): { principals: Principal[]; exempt: Principal[] } {
  if (statement.NotPrincipal !== undefined) {
    return { principals: [{ kind: "any", id: "*" }], exempt: principalList(statement.NotPrincipal) };
  }
  return { principals: principalList(statement.Principal), exempt: [] };
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "i");
}

function kmsActionsOf(statement: Record<string, unknown>): { actions: Set<string>; allActions: boolean } {
  const notAction = statement.NotAction !== undefined;
  const patterns = strings(notAction ? statement.NotAction : statement.Action);
  const literal = patterns
    .filter((p) => /^kms:[a-z]+$/i.test(p))
    .map((p) => p.slice(4))
    .filter((name) => !KMS_ACTIONS.some((a) => a.toLowerCase() === name.toLowerCase()));
  const universe = [...KMS_ACTIONS, ...literal];
  const regexps = patterns.map(globToRegExp);
  const matches = (name: string) => regexps.some((re) => re.test(`kms:${name}`));
  const actions = new Set(universe.filter((name) => (notAction ? !matches(name) : matches(name))));
  const allActions = notAction ? actions.size > 0 : patterns.some((p) => p === "*" || p.toLowerCase() === "kms:*");
  return { actions, allActions };
}

function parseConditions(condition: unknown): Conditions {
  const result: Conditions = new Map();
  if (typeof condition !== "object" || condition === null) return result;
  for (const [operator, block] of Object.entries(condition)) {
    if (typeof block !== "object" || block === null) continue;
    const keys = new Map<string, string[]>();
    for (const [key, values] of Object.entries(block)) {
      keys.set(key.toLowerCase(), asArray(values).map(String));
    }
    result.set(operator.toLowerCase(), keys);
  }
  return result;
}

/** The statements of a policy document (object or JSON string); [] when it is not one. */
export function parsePolicyDocument(policy: unknown): ParsedStatement[] {
  let document = policy;
  if (typeof document === "string") {
    try {
      document = JSON.parse(document);
    } catch {
      return [];
    }
  }
  if (typeof document !== "object" || document === null) return [];
  const statements = asArray((document as Record<string, unknown>).Statement);
  const parsed: ParsedStatement[] = [];
  statements.forEach((raw, index) => {
    if (typeof raw !== "object" || raw === null) return;
    const statement = raw as Record<string, unknown>;
    const effect = statement.Effect === "Deny" ? "Deny" : statement.Effect === "Allow" ? "Allow" : null;
    if (!effect) return;
    parsed.push({
      index,
      sid: typeof statement.Sid === "string" ? statement.Sid : null,
      statement: raw,
      effect,
      ...parsePrincipals(statement),
      ...kmsActionsOf(statement),
      conditions: parseConditions(statement.Condition),
    });
  });
  return parsed;
}
