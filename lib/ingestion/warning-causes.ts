// What an ingestion warning means and what an admin can do about it. Collectors store the AWS
// error name as the code and "<Operation ...>: <SDK message>" as the message
// (jobs/collectors/common.ts), so the cause and the API are read back from those two strings.

export type WarningCause = "api-missing" | "access-denied" | "throttled" | "role-not-assumable" | "other";

/** The parts of an AWS SDK v3 error the classification reads. */
export interface ErrorShape {
  name: string;
  message: string;
  httpStatusCode?: number;
}

interface ApiInfo {
  /** IAM action, as listed in docs/iam/README.md "Calls and permissions". */
  action: string;
  /** What stays unknown, per resource noun: "last-used dates unknown". */
  unknown: string;
  noun: string;
  /** What the dashboard cannot do without it. */
  skipped: string;
}

const API: Readonly<Record<string, ApiInfo>> = {
  GetKeyLastUsage: { action: "kms:GetKeyLastUsage", unknown: "last-used dates unknown", noun: "key", skipped: "unused-key checks skipped" },
  GetKeyRotationStatus: { action: "kms:GetKeyRotationStatus", unknown: "rotation status unknown", noun: "key", skipped: "rotation findings skipped" },
  ListKeyRotations: { action: "kms:ListKeyRotations", unknown: "rotation history unknown", noun: "key", skipped: "on-demand rotation counts skipped" },
  GetKeyPolicy: { action: "kms:GetKeyPolicy", unknown: "key policies unread", noun: "key", skipped: "key-policy findings skipped" },
  ListResourceTags: { action: "kms:ListResourceTags", unknown: "tags unknown", noun: "key", skipped: "business-unit attribution skipped (counted as untagged)" },
  DescribeKey: { action: "kms:DescribeKey", unknown: "key metadata unread", noun: "key", skipped: "keys left out of the inventory" },
  ListKeys: { action: "kms:ListKeys", unknown: "key list unread", noun: "call", skipped: "no key inventory for this account-region" },
  ListAliases: { action: "kms:ListAliases", unknown: "aliases unread", noun: "call", skipped: "keys shown without aliases" },
  GetBucketLocation: { action: "s3:GetBucketLocation", unknown: "bucket region unknown", noun: "bucket", skipped: "buckets left out of encryption coverage" },
  GetBucketEncryption: { action: "s3:GetEncryptionConfiguration", unknown: "default encryption unknown", noun: "bucket", skipped: "buckets left out of encryption coverage" },
  ListBuckets: { action: "s3:ListAllMyBuckets", unknown: "bucket list unread", noun: "call", skipped: "no S3 encryption coverage" },
  DescribeVolumes: { action: "ec2:DescribeVolumes", unknown: "volumes unread", noun: "call", skipped: "no EBS encryption coverage" },
  DescribeDBInstances: { action: "rds:DescribeDBInstances", unknown: "DB instances unread", noun: "call", skipped: "no RDS encryption coverage" },
  DescribeDBClusters: { action: "rds:DescribeDBClusters", unknown: "DB clusters unread", noun: "call", skipped: "no Aurora encryption coverage" },
  GetResources: { action: "tag:GetResources", unknown: "resource tags unread", noun: "call", skipped: "resources counted as untagged" },
  DescribeRegions: { action: "ec2:DescribeRegions", unknown: "enabled regions unknown", noun: "call", skipped: "configured regions used unchecked" },
  ListAccounts: { action: "organizations:ListAccounts", unknown: "organization accounts unread", noun: "call", skipped: "only configured accounts ingested" },
  ListParents: { action: "organizations:ListParents", unknown: "organizational units unknown", noun: "account", skipped: "OU left empty" },
  DescribeOrganizationalUnit: { action: "organizations:DescribeOrganizationalUnit", unknown: "OU names unknown", noun: "account", skipped: "OU left empty" },
  GetDimensionValues: { action: "ce:GetDimensionValues", unknown: "cost dimensions unread", noun: "call", skipped: "costs not refreshed" },
  GetCostAndUsage: { action: "ce:GetCostAndUsage", unknown: "costs unread", noun: "call", skipped: "costs not refreshed" },
  GetCostAndUsageWithResources: { action: "ce:GetCostAndUsageWithResources", unknown: "per-key request volume unread", noun: "call", skipped: "per-key request volume unavailable" },
  AssumeRole: { action: "sts:AssumeRole", unknown: "role not assumed", noun: "call", skipped: "account-region not ingested" },
};

export const IAM_DOCS = "docs/iam/README.md#calls-and-permissions";
export const TRUST_DOCS = "docs/iam/README.md#set-up";

const MISSING_NAMES = /^(UnknownOperation(Exception)?|UnsupportedOperation(Exception)?|InvalidAction|NotImplemented|KEY_LAST_USAGE_UNAVAILABLE)$/;
// The SDK's JSON parser meeting an HTML error page, or its note that the body was not parsable.
const MISSING_MESSAGES = /Unexpected token '?<|is not valid JSON|Deserialization error|not available here/i;
const DENIED_NAMES = /AccessDenied|UnauthorizedOperation|Forbidden|AuthorizationError/i;
const THROTTLE_NAMES = /Throttl|TooManyRequests|RequestLimitExceeded|SlowDown|LimitExceeded|RequestThrottled/i;

/** The API a warning is about: "GetKeyLastUsage: …", "DescribeKey abc: …", "Tagging GetResources: …". */
export function warningApi(message: string): string | null {
  const match = /^(?:Tagging )?([A-Z][A-Za-z]+)\b/.exec(message) ?? /\b(AssumeRole)\b/.exec(message);
  const api = match?.[1];
  return api && API[api] ? api : null;
}

/** Classifies a warning (code = error name) or an SDK error; the HTTP status only when known. */
export function classifyWarning({ name, message, httpStatusCode }: ErrorShape): WarningCause {
  if (/sts:AssumeRole|AssumeRole\b.*(AccessDenied|not authorized)|^AssumeRole /i.test(`${message} ${name}`) && !THROTTLE_NAMES.test(name)) return "role-not-assumable";
  if (THROTTLE_NAMES.test(name) || httpStatusCode === 429) return "throttled";
  if (DENIED_NAMES.test(name) || httpStatusCode === 403) return "access-denied";
  if (MISSING_NAMES.test(name) || MISSING_MESSAGES.test(message) || httpStatusCode === 404 || httpStatusCode === 501) return "api-missing";
  return "other";
}

/** A real SDK error (or anything thrown) as the shape above. */
export function errorShape(error: unknown): ErrorShape {
  const e = (error ?? {}) as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: unknown } };
  const status = e.$metadata?.httpStatusCode;
  return {
    name: typeof e.name === "string" ? e.name : "Error",
    message: typeof e.message === "string" ? e.message : String(error),
    httpStatusCode: typeof status === "number" ? status : undefined,
  };
}

export interface WarningExplanation {
  cause: WarningCause;
  api: string | null;
  /** What it means, for the number of warnings behind it. */
  meaning: string;
  fix: string;
  /** Where docs/iam explains it; null when it does not. */
  docs: string | null;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** What `count` warnings of one API and cause mean, and the fix. */
export function explainWarnings(cause: WarningCause, api: string | null, count: number): WarningExplanation {
  const info = api ? API[api] : undefined;
  const what = info ? `${info.unknown} for ${plural(count, info.noun)}: ${info.skipped}` : `${plural(count, "warning")}`;
  switch (cause) {
    case "api-missing":
      return {
        cause,
        api,
        meaning: info ? what : `${what}: the endpoint does not offer this API`,
        fix: `The endpoint does not offer ${api ?? "this API"} (an emulator, an older partition or a region without it). Nothing to fix in IAM; the data stays unknown, never counted as unused.`,
        docs: null,
      };
    case "access-denied":
      return {
        cause,
        api,
        meaning: info ? `${what}: access denied` : `${what}: access denied`,
        fix: info
          ? `Allow ${info.action} to the ingestion role (read-only-policy.json); a key policy that does not delegate to IAM also denies it.`
          : "Allow the call to the ingestion role (read-only-policy.json).",
        docs: IAM_DOCS,
      };
    case "throttled":
      return {
        cause,
        api,
        meaning: `${what}: throttled by AWS`,
        fix: "The account-region's API quota was exhausted (other tools share it). Lower INGEST_QUOTA_SHARE or run outside busy hours; the next run retries.",
        docs: null,
      };
    case "role-not-assumable":
      return {
        cause,
        api: api ?? "AssumeRole",
        meaning: `the ingestion role could not be assumed (${plural(count, "attempt")}): account-region not ingested`,
        fix: "Check the role's trust policy (trust-policy.json: hub account and ExternalId) and that the hub identity may call sts:AssumeRole on it.",
        docs: TRUST_DOCS,
      };
    default:
      return { cause, api, meaning: `${plural(count, "warning")}${api ? ` from ${api}` : ""}`, fix: "See the raw messages.", docs: null };
  }
}
