// SDK v3 clients for one account-region, read-only and paced. Standard SDK configuration stays
// in force: without explicit credentials the default provider chain is used, and the SDK itself
// reads AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> (e.g. AWS_ENDPOINT_URL_KMS,
// AWS_ENDPOINT_URL_COST_EXPLORER), so the endpoint is only set here when one is given.
import { KMSClient } from "@aws-sdk/client-kms";
import { S3Client } from "@aws-sdk/client-s3";
import { EC2Client } from "@aws-sdk/client-ec2";
import { RDSClient } from "@aws-sdk/client-rds";
import { ResourceGroupsTaggingAPIClient } from "@aws-sdk/client-resource-groups-tagging-api";
import { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { STSClient } from "@aws-sdk/client-sts";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Pluggable, RetryStrategyV2 } from "@smithy/types";
import { readOnlyPlugin } from "@/jobs/aws/read-only";
import { pacingPlugin, type AwsService, type Pacer, type RequestCounter } from "@/jobs/aws/pacing";

export interface AwsClients {
  kms: KMSClient;
  s3: S3Client;
  ec2: EC2Client;
  rds: RDSClient;
  tagging: ResourceGroupsTaggingAPIClient;
  costExplorer: CostExplorerClient;
  sts: STSClient;
  organizations: OrganizationsClient;
}

/** Cost Explorer and Organizations answer from us-east-1 in the commercial partition. */
export const GLOBAL_API_REGION = "us-east-1";

export interface RetryOptions {
  /** Attempts per call, first one included. 10 rides out minutes of throttling. */
  maxAttempts?: number;
  /** Base of the exponential backoff; tests pass a few milliseconds. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface ClientFactoryOptions {
  region: string;
  /** Omit to use the SDK default provider chain. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Omit to let the SDK resolve it (AWS_ENDPOINT_URL*, config file, defaults). */
  endpoint?: string;
  retry?: RetryOptions;
  /** Pacer of this account-region; Cost Explorer should get one per payer account. */
  pacer?: Pacer;
  counter?: RequestCounter;
  /** Region for Cost Explorer and Organizations (us-east-1; other partitions differ). */
  globalRegion?: string;
  /** Injected HTTP handler (tests). */
  requestHandler?: unknown;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { maxAttempts: 10, baseDelayMs: 500, maxDelayMs: 20_000 };

/**
 * Standard retry mode with a backoff we control: the SDK's default throttling backoff has a fixed
 * 1 s base, which would make tests slow; here throttling and transient errors share one base.
 * Full jitter spreads the retries of concurrent per-key calls.
 */
export function createRetryStrategy(options: RetryOptions = {}, random: () => number = Math.random): RetryStrategyV2 {
  const { maxAttempts, baseDelayMs, maxDelayMs } = { ...DEFAULT_RETRY, ...options };
  return new ConfiguredRetryStrategy(maxAttempts, (attempt: number) =>
    Math.floor(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1))),
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyClient = { middlewareStack: { use(plugin: Pluggable<any, any>): void } };

function harden<C extends AnyClient>(client: C, service: AwsService, options: ClientFactoryOptions): C {
  client.middlewareStack.use(readOnlyPlugin);
  client.middlewareStack.use(pacingPlugin(service, options.pacer, options.counter));
  return client;
}

function baseConfig(options: ClientFactoryOptions, region: string) {
  return {
    region,
    // A fresh strategy per client: its retry capacity must not be shared across account-regions.
    retryStrategy: createRetryStrategy(options.retry),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.requestHandler ? { requestHandler: options.requestHandler } : {}),
  } as const;
}

export function createAwsClients(options: ClientFactoryOptions): AwsClients {
  const regional = () => baseConfig(options, options.region);
  const global = () => baseConfig(options, options.globalRegion ?? GLOBAL_API_REGION);
  /* eslint-disable @typescript-eslint/no-explicit-any -- requestHandler is typed per client */
  return {
    kms: harden(new KMSClient(regional() as any), "kms", options),
    s3: harden(new S3Client(regional() as any), "s3", options),
    ec2: harden(new EC2Client(regional() as any), "ec2", options),
    rds: harden(new RDSClient(regional() as any), "rds", options),
    tagging: harden(new ResourceGroupsTaggingAPIClient(regional() as any), "tagging", options),
    costExplorer: harden(new CostExplorerClient(global() as any), "ce", options),
    sts: harden(new STSClient(regional() as any), "sts", options),
    organizations: harden(new OrganizationsClient(global() as any), "organizations", options),
  };
  /* eslint-enable @typescript-eslint/no-explicit-any */
}

/** Releases sockets of every client of a set. */
export function destroyAwsClients(clients: AwsClients): void {
  for (const client of Object.values(clients)) client.destroy();
}
