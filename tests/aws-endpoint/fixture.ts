// The organization a local AWS endpoint serves: accounts, regions, keys, storage resources and
// Cost Explorer figures. Tests build one by hand and compute the expected numbers from it.

export interface FixtureKey {
  keyId: string;
  manager?: "CUSTOMER" | "AWS";
  state?: string;
  spec?: string;
  usage?: string;
  origin?: string;
  created?: string; // ISO
  description?: string;
  aliases?: string[];
  tags?: Record<string, string>;
  policy?: object;
  rotationEnabled?: boolean;
  rotations?: string[]; // ISO dates of completed rotations
  nextRotation?: string; // ISO date of the next scheduled rotation (GetKeyRotationStatus NextRotationDate)
  lastUsedAt?: string | null;
}

/** SSE config as GetBucketEncryption reports it; null = no default encryption configured. */
export interface FixtureBucket {
  name: string;
  encryption: { algorithm: "AES256" | "aws:kms" | "aws:kms:dsse"; keyRef?: string; bucketKey?: boolean } | null;
  tags?: Record<string, string>;
}

export interface FixtureVolume {
  id: string;
  sizeGiB: number;
  encrypted: boolean;
  keyRef?: string;
  tags?: Record<string, string>;
}

export interface FixtureDbInstance {
  id: string;
  engine: string;
  sizeGiB: number;
  encrypted: boolean;
  keyRef?: string;
  clusterId?: string;
  tags?: Record<string, string>;
}

export interface FixtureDbCluster {
  id: string;
  engine: string;
  encrypted: boolean;
  keyRef?: string;
  tags?: Record<string, string>;
}

export interface FixtureRegion {
  keys: FixtureKey[];
  buckets?: FixtureBucket[];
  volumes?: FixtureVolume[];
  dbInstances?: FixtureDbInstance[];
  dbClusters?: FixtureDbCluster[];
}

export interface FixtureAccount {
  id: string;
  name: string;
  ou: string;
  status?: "ACTIVE" | "SUSPENDED";
  regions: Record<string, FixtureRegion>;
}

/** One Cost Explorer cell: day × linked account × usage type × business-unit tag ("" = untagged). */
export interface FixtureCost {
  day: string;
  accountId: string;
  usageType: string;
  businessUnit: string;
  cost: number;
  quantity: number;
}

export interface FixtureKeyRequest {
  day: string;
  keyArn: string;
  usageType: string;
  requests: number;
  cost: number;
}

export interface OrgFixture {
  managementAccountId: string;
  /** Regions DescribeRegions reports as enabled; optOutRegions as "not-opted-in". */
  regions: string[];
  optOutRegions?: string[];
  accounts: FixtureAccount[];
  costs: FixtureCost[];
  /** "unavailable": resource-level data not enabled (DataUnavailableException). */
  keyRequests: FixtureKeyRequest[] | "unavailable";
}

export const keyArnOf = (accountId: string, region: string, keyId: string) => `arn:aws:kms:${region}:${accountId}:key/${keyId}`;

export function findAccount(org: OrgFixture, accountId: string): FixtureAccount | undefined {
  return org.accounts.find((a) => a.id === accountId);
}

export function regionOf(org: OrgFixture, accountId: string, region: string): FixtureRegion {
  return findAccount(org, accountId)?.regions[region] ?? { keys: [] };
}
