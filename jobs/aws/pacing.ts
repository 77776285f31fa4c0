// Client-side pacing under the per account-region API quotas of DOMAIN.md §4, and a count of the
// requests sent: KMS management calls and Cost Explorer calls are billed, so a run reports them.
// One Pacer belongs to one account-region (quotas are per account and region); the SDK retry
// strategy (clients.ts) absorbs the throttling that pacing does not prevent.
import type { FinalizeRequestMiddleware, Pluggable } from "@smithy/types";
import { operationName } from "@/jobs/aws/read-only";

export type AwsService = "kms" | "s3" | "ec2" | "rds" | "tagging" | "ce" | "sts" | "organizations";

/** Published quotas in requests/second, keyed "service:Operation". */
export const API_QUOTAS_RPS: Readonly<Record<string, number>> = {
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
  // Organizations has low, undocumented-per-call limits; stay gentle.
  "organizations:ListAccounts": 5,
  "organizations:ListParents": 5,
  "organizations:DescribeOrganizationalUnit": 5,
};

/** For calls without a published quota (EC2/RDS Describe*, S3 bucket reads): a cautious rate. */
export const DEFAULT_RPS = 20;

export interface PacerOptions {
  /** Share of each quota this ingestion may use: other tools share the account's quota. */
  quotaShare?: number;
  /** Overrides in requests/second, keyed "service:Operation". */
  rates?: Record<string, number>;
  defaultRps?: number;
}

type Throttle = <T>(fn: () => Promise<T>) => Promise<T>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * At most `limit` calls start in any `interval` ms, counted when they actually start. Calls
 * queued behind each other were first spaced by timers set when they were queued (p-throttle):
 * when the event loop was busy (another unit of the worker storing its snapshot, a GC pause),
 * the late timers fired together and sent a burst the account-region's token bucket answered
 * with throttling (1 of ~370 calls in the organization benchmark). Here each call waits for the
 * `limit`-th previous one to be `interval` old at the moment it goes: a busy loop makes calls
 * late, never bunched.
 */
function throttleFor(rps: number): Throttle {
  // Short windows keep bursts small: 2,000 rps becomes 200 per 100 ms, 4 rps one per 250 ms.
  const { limit, interval } = rps >= 10 ? { limit: Math.floor(rps / 10), interval: 100 } : { limit: 1, interval: Math.ceil(1000 / rps) };
  const starts: number[] = []; // the last `limit` start times, oldest first
  let queue: Promise<void> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const turn = queue.then(async () => {
      if (starts.length === limit) {
        const wait = starts.shift()! + interval - performance.now();
        if (wait > 0) await sleep(wait);
      }
      starts.push(performance.now());
    });
    queue = turn;
    return turn.then(fn);
  };
}

export class Pacer {
  private readonly throttles = new Map<string, Throttle>();
  private readonly share: number;

  constructor(private readonly options: PacerOptions = {}) {
    this.share = options.quotaShare ?? 0.8;
    if (!(this.share > 0 && this.share <= 1)) throw new Error(`quotaShare must be in (0, 1], got ${this.share}`);
  }

  /** Requests/second this pacer allows for one API. */
  rateFor(service: AwsService, operation: string): number {
    const key = `${service}:${operation}`;
    const override = this.options.rates?.[key];
    if (override !== undefined) return override;
    const quota = API_QUOTAS_RPS[key] ?? this.options.defaultRps ?? DEFAULT_RPS;
    return Math.max(1, quota * this.share);
  }

  schedule<T>(service: AwsService, operation: string, fn: () => Promise<T>): Promise<T> {
    const key = `${service}:${operation}`;
    let throttle = this.throttles.get(key);
    if (!throttle) {
      throttle = throttleFor(this.rateFor(service, operation));
      this.throttles.set(key, throttle);
    }
    return throttle(fn);
  }
}

/** Requests actually sent (every attempt, retries included), per service and operation. */
export class RequestCounter {
  private readonly counts = new Map<string, number>();

  record(service: AwsService, operation: string): void {
    const key = `${service}:${operation}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Requests for one service, or one operation of it. */
  count(service: AwsService, operation?: string): number {
    if (operation !== undefined) return this.counts.get(`${service}:${operation}`) ?? 0;
    let total = 0;
    for (const [key, value] of this.counts) if (key.startsWith(`${service}:`)) total += value;
    return total;
  }

  snapshot(): Array<{ service: AwsService; operation: string; count: number }> {
    return [...this.counts].map(([key, count]) => {
      const [service, operation] = key.split(":") as [AwsService, string];
      return { service, operation, count };
    });
  }
}

// finalizeRequest/low runs inside the retry middleware: every attempt is paced and counted.
export const pacingMiddlewareOptions = {
  step: "finalizeRequest",
  priority: "low",
  name: "kmsFinopsPacing",
  override: true,
} as const;

export function pacingMiddleware(service: AwsService, pacer?: Pacer, counter?: RequestCounter): FinalizeRequestMiddleware<object, object> {
  return (next, context) => async (args) => {
    const operation = operationName(context.commandName);
    const send = () => {
      counter?.record(service, operation);
      return next(args);
    };
    return pacer ? pacer.schedule(service, operation, send) : send();
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function pacingPlugin(service: AwsService, pacer?: Pacer, counter?: RequestCounter): Pluggable<any, any> {
  return { applyToStack: (stack) => stack.add(pacingMiddleware(service, pacer, counter), pacingMiddlewareOptions) };
}
