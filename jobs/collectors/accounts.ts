// Which accounts and regions to ingest, and credentials for each account. Accounts come from
// configuration or AWS Organizations; regions from configuration or EC2 DescribeRegions, where
// regions an account has not opted in to are skipped with a note.
import { DescribeRegionsCommand, type EC2Client } from "@aws-sdk/client-ec2";
import {
  DescribeOrganizationalUnitCommand,
  ListAccountsCommand,
  ListParentsCommand,
  type OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, type STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import type { AccountRecord, IngestionWarningRecord } from "@/lib/domain/records";
import { isAccessDenied, paginate, WarningLog } from "@/jobs/collectors/common";

export interface ConfiguredAccount {
  accountId: string;
  name?: string;
  organizationalUnit?: string;
}

export interface AccountsCollection {
  accounts: AccountRecord[];
  warnings: IngestionWarningRecord[];
}

/** Configured accounts win; otherwise every account of the organization with its OU name. */
export async function collectAccounts(
  clients: { organizations: OrganizationsClient },
  configured?: readonly ConfiguredAccount[],
): Promise<AccountsCollection> {
  const warnings = new WarningLog("organizations", { accountId: null, region: null });
  if (configured && configured.length > 0) {
    return {
      accounts: configured.map((a) => ({ accountId: a.accountId, name: a.name ?? a.accountId, organizationalUnit: a.organizationalUnit ?? "" })),
      warnings: [],
    };
  }
  const org = clients.organizations;
  const pages = await paginate((NextToken) => org.send(new ListAccountsCommand({ NextToken })), (page) => page.NextToken);
  const listed = pages.flatMap((page) => page.Accounts ?? []).filter((a) => a.Id);

  // OU names are a nicety: one denial stops the lookups and leaves every OU "".
  const ouNames = new Map<string, string>();
  let ouReadable = true;
  const ouOf = async (accountId: string): Promise<string> => {
    if (!ouReadable) return "";
    try {
      const parent = (await org.send(new ListParentsCommand({ ChildId: accountId }))).Parents?.[0];
      if (!parent?.Id || parent.Type !== "ORGANIZATIONAL_UNIT") return "";
      if (!ouNames.has(parent.Id)) {
        const ou = await org.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: parent.Id }));
        ouNames.set(parent.Id, ou.OrganizationalUnit?.Name ?? "");
      }
      return ouNames.get(parent.Id) ?? "";
    } catch (error) {
      if (isAccessDenied(error)) {
        ouReadable = false;
        warnings.add("OU_NOT_READABLE", "Organizational units are not readable: OU left empty for every account");
      } else {
        warnings.fromError(`ListParents ${accountId}`, error);
      }
      return "";
    }
  };

  const accounts: AccountRecord[] = [];
  // Sequential: Organizations allows only a few requests per second.
  for (const account of listed) {
    accounts.push({
      accountId: account.Id!,
      name: account.Name ?? account.Id!,
      organizationalUnit: await ouOf(account.Id!),
      email: account.Email ?? null,
      status: account.State ?? account.Status,
    });
  }
  return { accounts, warnings: warnings.records };
}

/** Accounts that can be ingested: suspended or closed accounts cannot be assumed into. */
export const isIngestible = (account: AccountRecord) => account.status === undefined || account.status === "ACTIVE";

export interface RegionsCollection {
  regions: string[];
  skipped: Array<{ region: string; reason: string }>;
  warnings: IngestionWarningRecord[];
}

/**
 * Regions to ingest for an account. DescribeRegions (AllRegions) is called even for configured
 * regions: a configured region the account has not opted in to would only produce errors.
 */
export async function collectRegions(clients: { ec2: EC2Client }, accountId: string, configured?: readonly string[]): Promise<RegionsCollection> {
  const warnings = new WarningLog("ec2", { accountId, region: null });
  const input = configured && configured.length > 0 ? { AllRegions: true, RegionNames: [...configured] } : { AllRegions: true };
  let described;
  try {
    described = (await clients.ec2.send(new DescribeRegionsCommand(input))).Regions ?? [];
  } catch (error) {
    if (!configured?.length) throw error;
    warnings.fromError("DescribeRegions (using the configured regions unchecked)", error);
    return { regions: [...configured], skipped: [], warnings: warnings.records };
  }
  const regions: string[] = [];
  const skipped: RegionsCollection["skipped"] = [];
  const wanted = configured?.length ? new Set(configured) : null;
  for (const region of described) {
    // The RegionNames filter is applied here too, for endpoints that ignore it.
    if (!region.RegionName || (wanted && !wanted.has(region.RegionName))) continue;
    if (region.OptInStatus === "not-opted-in") skipped.push({ region: region.RegionName, reason: "not opted in for this account" });
    else regions.push(region.RegionName);
  }
  for (const region of configured ?? []) {
    if (!regions.includes(region) && !skipped.some((s) => s.region === region)) skipped.push({ region, reason: "unknown region" });
  }
  return { regions: regions.sort(), skipped, warnings: warnings.records };
}

export interface AssumeRoleOptions {
  accountId: string;
  roleName: string;
  externalId?: string;
  partition?: string;
  sessionName?: string;
  durationSeconds?: number;
}

export const roleArnFor = (o: AssumeRoleOptions) => `arn:${o.partition ?? "aws"}:iam::${o.accountId}:role/${o.roleName.replace(/^\//, "")}`;

const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Credentials of the ingestion role in an account, through AssumeRole on the given (read-only,
 * paced) STS client; refreshed five minutes before they expire, one refresh at a time.
 */
export function assumeRoleCredentials(sts: STSClient, options: AssumeRoleOptions, now: () => number = Date.now): AwsCredentialIdentityProvider {
  let current: AwsCredentialIdentity | null = null;
  let pending: Promise<AwsCredentialIdentity> | null = null;
  const assume = async (): Promise<AwsCredentialIdentity> => {
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArnFor(options),
        RoleSessionName: options.sessionName ?? "kms-finops-ingestion",
        DurationSeconds: options.durationSeconds ?? 3600,
        ...(options.externalId ? { ExternalId: options.externalId } : {}),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`AssumeRole ${roleArnFor(options)} returned no credentials`);
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration, accountId: options.accountId };
  };
  return async () => {
    const fresh = current && (!current.expiration || current.expiration.getTime() - now() > REFRESH_MARGIN_MS);
    if (fresh) return current!;
    pending ??= assume().finally(() => (pending = null));
    current = await pending;
    return current;
  };
}
