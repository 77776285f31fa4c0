// Per account-region API quotas as AWS enforces them (token buckets that refill at the published
// rate, a one-second burst), with each service's own throttling error.
import type { Protocol } from "./wire";

/** DOMAIN.md §4 (requests/second per account per region), plus Cost Explorer's 5 rps. */
export const DOMAIN_QUOTAS: Readonly<Record<string, number>> = {
  "kms:ListKeys": 500,
  "kms:ListAliases": 500,
  "kms:DescribeKey": 2000,
  "kms:GetKeyRotationStatus": 1000,
  "kms:GetKeyPolicy": 1000,
  "kms:ListResourceTags": 2000,
  "kms:ListGrants": 100,
  "kms:ListKeyRotations": 100,
  "kms:GetKeyLastUsage": 5,
  "tagging:GetResources": 15,
  "ce:GetCostAndUsage": 5,
  "ce:GetCostAndUsageWithResources": 5,
  "ce:GetDimensionValues": 5,
};

export const THROTTLE_ERROR: Record<string, { protocol: Protocol; status: number; code: string }> = {
  kms: { protocol: "json", status: 400, code: "ThrottlingException" },
  tagging: { protocol: "json", status: 400, code: "ThrottledException" },
  ce: { protocol: "json", status: 400, code: "LimitExceededException" },
  organizations: { protocol: "json", status: 400, code: "TooManyRequestsException" },
  ec2: { protocol: "ec2", status: 503, code: "RequestLimitExceeded" },
  rds: { protocol: "query", status: 400, code: "Throttling" },
  sts: { protocol: "query", status: 400, code: "Throttling" },
  s3: { protocol: "restxml", status: 503, code: "SlowDown" },
};

export class QuotaEnforcer {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly rates: Readonly<Record<string, number>>) {}

  /** True when the call may proceed; false = throttled. `scope` is "account:region". */
  admit(scope: string, api: string, now = performance.now()): boolean {
    const rate = this.rates[api];
    if (rate === undefined) return true;
    const id = `${scope}:${api}`;
    const bucket = this.buckets.get(id) ?? { tokens: rate, at: now };
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.buckets.set(id, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
