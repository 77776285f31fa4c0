// Clients for one account-region of a run: the ingestion role assumed in that account (or the
// base credentials when INGEST_SKIP_ASSUME_ROLE is set), paced and counted per unit.
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { createAwsClients, destroyAwsClients, type AwsClients, type RetryOptions } from "@/jobs/aws/clients";
import { Pacer, RequestCounter } from "@/jobs/aws/pacing";
import { assumeRoleCredentials } from "@/jobs/collectors/accounts";
import type { IngestionConfig } from "@/lib/config/ingestion";

export interface UnitSession {
  clients: AwsClients;
  counter: RequestCounter;
  close(): void;
}

export interface SessionOptions {
  /** Retry tuning (tests shorten the backoff). */
  retry?: RetryOptions;
  /** Count into this counter (so a failed AssumeRole is still counted by the caller). */
  counter?: RequestCounter;
}

/** Requests sent, keyed "service:Operation" (the shape ingestion_unit.api_requests stores). */
export function requestCounts(counter: RequestCounter): Record<string, number> {
  return Object.fromEntries(counter.snapshot().map((s) => [`${s.service}:${s.operation}`, s.count]));
}

/**
 * Opens a session and proves the credentials work (AssumeRole is sent here, not on the first
 * collector call), so a missing role fails the unit with a clear reason before anything else.
 */
export async function openUnitSession(
  config: IngestionConfig,
  scope: { accountId: string; region: string },
  options: SessionOptions = {},
): Promise<UnitSession> {
  const counter = options.counter ?? new RequestCounter();
  const pacer = new Pacer({ quotaShare: config.quotaShare });
  const base = createAwsClients({ region: scope.region, pacer, counter, retry: options.retry });
  if (config.skipAssumeRole) return { clients: base, counter, close: () => destroyAwsClients(base) };

  const credentials = assumeRoleCredentials(base.sts, {
    accountId: scope.accountId,
    roleName: config.roleName,
    externalId: config.externalId ?? undefined,
    sessionName: `kms-finops-${scope.accountId}-${scope.region}`,
  });
  try {
    await credentials();
  } catch (error) {
    destroyAwsClients(base);
    throw error;
  }
  const clients = createAwsClients({ region: scope.region, credentials, pacer, counter, retry: options.retry });
  return {
    clients,
    counter,
    close: () => {
      destroyAwsClients(clients);
      destroyAwsClients(base);
    },
  };
}

/**
 * The session that reads Organizations, DescribeRegions and Cost Explorer: the role in the
 * management account when one is configured, else the base credentials themselves.
 */
export async function openManagementSession(config: IngestionConfig, options: SessionOptions = {}): Promise<UnitSession & { accountId: string }> {
  const counter = options.counter ?? new RequestCounter();
  const accountId = config.managementAccountId ?? (await callerAccountId("us-east-1", counter));
  const direct = config.skipAssumeRole || !config.managementAccountId;
  const session = await openUnitSession({ ...config, skipAssumeRole: direct }, { accountId, region: "us-east-1" }, { ...options, counter });
  return { ...session, accountId };
}

/** The account of the base credentials (STS GetCallerIdentity is free and needs no permission). */
export async function callerAccountId(region = "us-east-1", counter?: RequestCounter): Promise<string> {
  const clients = createAwsClients({ region, counter });
  try {
    const out = await clients.sts.send(new GetCallerIdentityCommand({}));
    if (!out.Account) throw new Error("GetCallerIdentity returned no account");
    return out.Account;
  } finally {
    destroyAwsClients(clients);
  }
}
