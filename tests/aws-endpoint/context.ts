import type { FixtureRegion, OrgFixture } from "./fixture";

export interface EndpointOptions {
  /** Enforce per account-region API quotas (true: DOMAIN.md §4), or give rates per "service:Operation". */
  quotas?: boolean | Record<string, number>;
  /** Key ids whose GetKeyPolicy answers AccessDeniedException (policy does not delegate to IAM). */
  denyKeyPolicy?: string[];
  /** Accounts where the ingestion role does not exist: AssumeRole answers AccessDenied. */
  missingRoleAccounts?: string[];
  /** Account-regions that are disabled: every call answers as AWS does for a not-opted-in region. */
  disabledRegions?: Array<{ accountId: string; region: string }>;
  /** Delay every answer by this many milliseconds (network latency). */
  delayMs?: number;
  /** Buckets whose objects are the files of a local folder (bucket → folder): ListObjectsV2, GetObject, HeadObject. */
  s3Folders?: Record<string, string>;
  /** Keys per ListObjectsV2 page at most (S3: 1,000), so a test can make the listing paginate. */
  s3ListPageSize?: number;
  /** Access key of the base (hub) credentials → its account; default the management account. */
  baseAccountId?: string;
}

/** Who is calling where: from the SigV4 credential scope and the access key. */
export interface CallContext {
  org: OrgFixture;
  options: EndpointOptions;
  accountId: string;
  region: string;
  principal: string;
  regionFixture: FixtureRegion;
}
