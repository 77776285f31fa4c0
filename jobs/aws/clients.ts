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
import { z } from "zod";
import { ConfigError, env, type EnvSource } from "@/lib/config/env";
import { billExportReadOnlyPlugin, readOnlyPlugin } from "@/jobs/aws/read-only";
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
  /** Injected HTTP handler (tests); replaces the timeouts below. */
  requestHandler?: unknown;
  /** Connection and request timeouts; default from the environment (`env(awsTimeoutsFromEnv)`). */
  timeouts?: AwsTimeouts;
}

export interface AwsTimeouts {
  /** TCP (and TLS) connection set-up. */
  connectTimeoutMs: number;
  /** Whole request, from sending to the last byte of the answer; each retry attempt gets its own. */
  requestTimeoutMs: number;
}

/**
 * Without timeouts an endpoint that accepts the connection and never answers holds a unit (and
 * its run) forever. Cost Explorer answers in seconds; 2 minutes is far beyond a slow page.
 */
export const DEFAULT_TIMEOUTS: AwsTimeouts = { connectTimeoutMs: 10_000, requestTimeoutMs: 120_000 };

const timeoutMs = z.coerce.number().int("must be a whole number of milliseconds").min(100, "must be at least 100 ms").max(3_600_000, "must be at most 3600000 ms (1 hour)");
const timeoutEnv = z.object({
  INGEST_AWS_CONNECT_TIMEOUT_MS: timeoutMs.default(DEFAULT_TIMEOUTS.connectTimeoutMs),
  INGEST_AWS_REQUEST_TIMEOUT_MS: timeoutMs.default(DEFAULT_TIMEOUTS.requestTimeoutMs),
});

/** INGEST_AWS_CONNECT_TIMEOUT_MS / INGEST_AWS_REQUEST_TIMEOUT_MS; an invalid value names the variable. */
export function awsTimeoutsFromEnv(source: EnvSource): AwsTimeouts {
  const picked = Object.fromEntries(Object.keys(timeoutEnv.shape).map((k) => [k, source[k]?.trim() || undefined]));
  const parsed = timeoutEnv.safeParse(picked);
  if (!parsed.success) throw new ConfigError(`Invalid ingestion configuration: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return { connectTimeoutMs: parsed.data.INGEST_AWS_CONNECT_TIMEOUT_MS, requestTimeoutMs: parsed.data.INGEST_AWS_REQUEST_TIMEOUT_MS };
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

/**
 * Says which service and operation did not answer (the SDK's TimeoutError names neither), after
 * the retries: the unit's error then reads "kms ListKeys: no answer ...".
 */
function timeoutNaming(service: AwsService, timeouts: AwsTimeouts): Pluggable<object, object> {
  return {
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          try {
            return await next(args);
          } catch (error) {
            if (error instanceof Error && error.name === "TimeoutError") {
              error.message = `${service} ${String(context.commandName ?? "").replace(/Command$/, "")}: no answer within the timeouts (connect ${timeouts.connectTimeoutMs} ms, request ${timeouts.requestTimeoutMs} ms per attempt; INGEST_AWS_CONNECT_TIMEOUT_MS / INGEST_AWS_REQUEST_TIMEOUT_MS): ${error.message}`;
            }
            throw error;
          }
        },
        { step: "initialize", name: "kmsFinopsTimeoutNaming" },
      );
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function harden<C extends AnyClient>(client: C, service: AwsService, options: ClientFactoryOptions, timeouts: AwsTimeouts, guard: Pluggable<any, any> = readOnlyPlugin): C {
  client.middlewareStack.use(timeoutNaming(service, timeouts));
  client.middlewareStack.use(guard);
  client.middlewareStack.use(pacingPlugin(service, options.pacer, options.counter));
  return client;
}

function baseConfig(options: ClientFactoryOptions, region: string, timeouts: AwsTimeouts) {
  return {
    region,
    // A fresh strategy per client: its retry capacity must not be shared across account-regions.
    retryStrategy: createRetryStrategy(options.retry),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    // The SDK builds its NodeHttpHandler from these options; throwOnRequestTimeout makes the
    // request timeout an error (by default it only logs a warning).
    requestHandler: options.requestHandler ?? { connectionTimeout: timeouts.connectTimeoutMs, requestTimeout: timeouts.requestTimeoutMs, throwOnRequestTimeout: true },
  } as const;
}

export function createAwsClients(options: ClientFactoryOptions): AwsClients {
  const timeouts = options.timeouts ?? env(awsTimeoutsFromEnv);
  const regional = () => baseConfig(options, options.region, timeouts);
  const global = () => baseConfig(options, options.globalRegion ?? GLOBAL_API_REGION, timeouts);
  /* eslint-disable @typescript-eslint/no-explicit-any -- requestHandler is typed per client */
  return {
    kms: harden(new KMSClient(regional() as any), "kms", options, timeouts),
    s3: harden(new S3Client(regional() as any), "s3", options, timeouts),
    ec2: harden(new EC2Client(regional() as any), "ec2", options, timeouts),
    rds: harden(new RDSClient(regional() as any), "rds", options, timeouts),
    tagging: harden(new ResourceGroupsTaggingAPIClient(regional() as any), "tagging", options, timeouts),
    costExplorer: harden(new CostExplorerClient(global() as any), "ce", options, timeouts),
    sts: harden(new STSClient(regional() as any), "sts", options, timeouts),
    organizations: harden(new OrganizationsClient(global() as any), "organizations", options, timeouts),
  };
  /* eslint-enable @typescript-eslint/no-explicit-any */
}

/**
 * The S3 client of the bill import: the same retries, timeouts and pacing, and a guard that allows
 * GetObject besides the reads (the billing export is read object by object). Any region: S3
 * follows the bucket's region redirect.
 */
export function createBillExportS3Client(options: ClientFactoryOptions): S3Client {
  const timeouts = options.timeouts ?? env(awsTimeoutsFromEnv);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const config = { ...baseConfig(options, options.region, timeouts), followRegionRedirects: true } as any;
  return harden(new S3Client(config), "s3", options, timeouts, billExportReadOnlyPlugin);
}

/** Releases sockets of every client of a set. */
export function destroyAwsClients(clients: AwsClients): void {
  for (const client of Object.values(clients)) client.destroy();
}
