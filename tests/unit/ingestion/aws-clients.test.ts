import { afterEach, describe, expect, it, vi } from "vitest";
import { ListKeysCommand, ScheduleKeyDeletionCommand, DescribeKeyCommand } from "@aws-sdk/client-kms";
import { GetObjectCommand, PutBucketEncryptionCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { GetResourcesCommand } from "@aws-sdk/client-resource-groups-tagging-api";
import { GetCostAndUsageCommand } from "@aws-sdk/client-cost-explorer";
import { createAwsClients, createBillExportS3Client, createRetryStrategy } from "@/jobs/aws/clients";
import { isReadOnlyOperation, ReadOnlyViolationError } from "@/jobs/aws/read-only";
import { Pacer, RequestCounter } from "@/jobs/aws/pacing";
import { collectKeys } from "@/jobs/collectors/keys";
import { fakeHttpHandler, jsonError, TEST_CREDENTIALS } from "./fake-http";

const fastRetry = { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 5 };

function clientsWith(answer: Parameters<typeof fakeHttpHandler>[0], extra: { pacer?: Pacer } = {}) {
  const { handler, sent } = fakeHttpHandler(answer);
  const counter = new RequestCounter();
  const clients = createAwsClients({
    region: "eu-west-1",
    credentials: TEST_CREDENTIALS,
    retry: fastRetry,
    requestHandler: handler,
    counter,
    ...extra,
  });
  return { clients, sent, counter };
}

afterEach(() => vi.unstubAllEnvs());

describe("read-only guard", () => {
  it("refuses a mutating KMS command before anything is sent", async () => {
    const { clients, sent, counter } = clientsWith(() => ({ status: 200, body: {} }));
    await expect(clients.kms.send(new ScheduleKeyDeletionCommand({ KeyId: "k", PendingWindowInDays: 7 }))).rejects.toBeInstanceOf(
      ReadOnlyViolationError,
    );
    expect(sent).toHaveLength(0);
    expect(counter.count("kms")).toBe(0);
  });

  it("refuses S3 PutBucketEncryption before anything is sent", async () => {
    const { clients, sent } = clientsWith(() => ({ status: 200, body: {} }));
    const put = new PutBucketEncryptionCommand({
      Bucket: "b",
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }] },
    });
    await expect(clients.s3.send(put)).rejects.toThrow(/Refused PutBucketEncryption/);
    expect(sent).toHaveLength(0);
  });

  it("refuses GetObject to the ingestion's S3 client, allows it to the bill import's only, which still refuses writes", async () => {
    const { clients, sent } = clientsWith(() => ({ status: 200, body: {} }));
    await expect(clients.s3.send(new GetObjectCommand({ Bucket: "b", Key: "k" }))).rejects.toThrow(/Refused GetObject/);
    expect(sent).toHaveLength(0);
    const { handler, sent: billSent } = fakeHttpHandler(() => ({ status: 200, body: {} }));
    const bill = createBillExportS3Client({ region: "eu-west-1", credentials: TEST_CREDENTIALS, retry: fastRetry, requestHandler: handler });
    await expect(bill.send(new PutObjectCommand({ Bucket: "b", Key: "k", Body: "x" }))).rejects.toThrow(/Refused PutObject/);
    expect(billSent).toHaveLength(0);
    await bill.send(new GetObjectCommand({ Bucket: "b", Key: "exports/x/data/BILLING_PERIOD=2026-11/x-00001.snappy.parquet" })).catch(() => {});
    expect(billSent).toHaveLength(1);
  });

  it("is installed on every client of the set, with pacing", () => {
    const { clients } = clientsWith(() => ({ status: 200, body: {} }));
    for (const [name, client] of Object.entries(clients)) {
      const stack = (client.middlewareStack as unknown as { identify(): string[] }).identify().join(" ");
      expect(stack, name).toContain("kmsFinopsReadOnlyGuard");
      expect(stack, name).toContain("kmsFinopsPacing");
    }
  });

  it("classifies operation names", () => {
    expect(["DescribeKey", "ListKeys", "GetKeyPolicy", "AssumeRole", "GetCallerIdentity"].every(isReadOnlyOperation)).toBe(true);
    expect(["ScheduleKeyDeletion", "Decrypt", "TagResource", "GetParametersForImport", "Get", "ListenerX"].map(isReadOnlyOperation)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true, // starts with "List": the guard is a prefix rule, the IAM policy is the exact list
    ]);
  });
});

describe("retries and counting", () => {
  it("retries a KMS ThrottlingException and succeeds; every attempt is counted", async () => {
    const { clients, sent, counter } = clientsWith((_request, index) =>
      index < 2 ? jsonError("ThrottlingException", "Rate exceeded") : { status: 200, body: { Keys: [{ KeyId: "k1" }], Truncated: false } },
    );
    const out = await clients.kms.send(new ListKeysCommand({}));
    expect(out.Keys?.[0]?.KeyId).toBe("k1");
    expect(sent.map((s) => s.target)).toEqual(["TrentService.ListKeys", "TrentService.ListKeys", "TrentService.ListKeys"]);
    expect(counter.count("kms", "ListKeys")).toBe(3);
  });

  it("retries Tagging ThrottledException and CE LimitExceededException", async () => {
    const tagging = clientsWith((_r, i) => (i === 0 ? jsonError("ThrottledException") : { status: 200, body: { ResourceTagMappingList: [] } }));
    await expect(tagging.clients.tagging.send(new GetResourcesCommand({}))).resolves.toMatchObject({ ResourceTagMappingList: [] });
    expect(tagging.sent).toHaveLength(2);

    const ce = clientsWith((_r, i) => (i === 0 ? jsonError("LimitExceededException") : { status: 200, body: { ResultsByTime: [] } }));
    const input = { TimePeriod: { Start: "2025-01-01", End: "2025-01-02" }, Granularity: "DAILY" as const, Metrics: ["UnblendedCost"] };
    await expect(ce.clients.costExplorer.send(new GetCostAndUsageCommand(input))).resolves.toMatchObject({ ResultsByTime: [] });
    expect(ce.sent.map((s) => s.hostname)).toEqual(["ce.us-east-1.amazonaws.com", "ce.us-east-1.amazonaws.com"]);
    expect(ce.counter.count("ce")).toBe(2);
  });

  it("does not retry AccessDenied", async () => {
    const { clients, sent } = clientsWith(() => jsonError("AccessDeniedException"));
    await expect(clients.kms.send(new DescribeKeyCommand({ KeyId: "k" }))).rejects.toMatchObject({ name: "AccessDeniedException" });
    expect(sent).toHaveLength(1);
  });

  it("backs off exponentially with full jitter under the cap", async () => {
    const strategy = createRetryStrategy({ maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250 }, () => 0.5);
    const token = await strategy.acquireInitialRetryToken("kms");
    const throttle = { errorType: "THROTTLING" as const };
    const started = Date.now();
    const second = await strategy.refreshRetryTokenForRetry(token, throttle); // 0.5 × 100
    const third = await strategy.refreshRetryTokenForRetry(second, throttle); // 0.5 × 200
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(145);
    const fourth = await strategy.refreshRetryTokenForRetry(third, throttle); // 0.5 × min(250, 400)
    expect(Date.now() - started).toBeGreaterThanOrEqual(270);
    // The fourth attempt was the last one allowed.
    await expect(strategy.refreshRetryTokenForRetry(fourth, throttle)).rejects.toThrow(/No retry token/);
  });
});

describe("a collector over the real client stack", () => {
  it("collects keys when DescribeKey is throttled once, counting every KMS request", async () => {
    const { clients, counter } = clientsWith((request, index) => {
      switch (request.target) {
        case "TrentService.ListKeys":
          return { status: 200, body: { Keys: [{ KeyId: "k1" }], Truncated: false } };
        case "TrentService.ListAliases":
          return { status: 200, body: { Aliases: [{ AliasName: "alias/aws/ebs", TargetKeyId: "k1" }], Truncated: false } };
        case "TrentService.DescribeKey":
          return index === 2
            ? jsonError("ThrottlingException", "Rate exceeded")
            : {
                status: 200,
                body: {
                  KeyMetadata: {
                    KeyId: "k1",
                    Arn: "arn:aws:kms:eu-west-1:111122223333:key/k1",
                    KeyManager: "AWS",
                    KeyState: "Enabled",
                    KeySpec: "SYMMETRIC_DEFAULT",
                    CreationDate: 1704844800,
                  },
                },
              };
        default:
          return jsonError("UnknownOperationException");
      }
    });
    const out = await collectKeys(clients, { accountId: "111122223333", region: "eu-west-1" });
    expect(out.warnings).toEqual([]);
    expect(out.keys).toHaveLength(1);
    expect(out.keys[0]).toMatchObject({ keyManager: "AWS", aliases: ["alias/aws/ebs"] });
    expect(out.keys[0]?.creationDate.toISOString()).toBe("2024-01-10T00:00:00.000Z");
    expect(counter.snapshot().sort((a, b) => a.operation.localeCompare(b.operation))).toEqual([
      { service: "kms", operation: "DescribeKey", count: 2 },
      { service: "kms", operation: "ListAliases", count: 1 },
      { service: "kms", operation: "ListKeys", count: 1 },
    ]);
  });
});

describe("endpoint configuration", () => {
  it("leaves AWS_ENDPOINT_URL_<SERVICE> to the SDK", async () => {
    vi.stubEnv("AWS_ENDPOINT_URL_KMS", "http://kms.localtest:4566");
    const { clients, sent } = clientsWith(() => ({ status: 200, body: { Keys: [], Truncated: false } }));
    await clients.kms.send(new ListKeysCommand({}));
    expect(sent[0]?.hostname).toBe("kms.localtest");
  });

  it("uses the regional endpoint otherwise", async () => {
    const { clients, sent } = clientsWith(() => ({ status: 200, body: { Keys: [], Truncated: false } }));
    await clients.kms.send(new ListKeysCommand({}));
    expect(sent[0]?.hostname).toBe("kms.eu-west-1.amazonaws.com");
  });
});

describe("pacing", () => {
  it("spaces calls of a slow API (GetKeyLastUsage-like 20 rps → ≥ 4 gaps of 50 ms)", async () => {
    const pacer = new Pacer({ rates: { "kms:ListKeys": 20 } });
    const { clients } = clientsWith(() => ({ status: 200, body: { Keys: [], Truncated: false } }), { pacer });
    const started = Date.now();
    await Promise.all(Array.from({ length: 5 }, () => clients.kms.send(new ListKeysCommand({}))));
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("keeps spacing calls when the event loop was blocked: late calls go one by one, not in a burst", async () => {
    const pacer = new Pacer({ rates: { "kms:GetKeyLastUsage": 10 } }); // one call per 100 ms
    const starts: number[] = [];
    const calls = Array.from({ length: 5 }, () => pacer.schedule("kms", "GetKeyLastUsage", async () => void starts.push(performance.now())));
    await calls[0];
    // A worker busy storing a snapshot: 450 ms without returning to the event loop, past the
    // times the next four calls were due.
    const busyUntil = performance.now() + 450;
    while (performance.now() < busyUntil);
    await Promise.all(calls);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(gaps).toHaveLength(4);
    // A burst would start them about 0 ms apart; the pacer spaces them by its own clock, and the
    // callback starts a tick after the pacer's decision (98.4 ms seen under load), hence the margin.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(90);
  });

  it("derives rates from the quota table and the share", () => {
    const pacer = new Pacer({ quotaShare: 0.5 });
    expect(pacer.rateFor("kms", "GetKeyLastUsage")).toBe(2.5);
    expect(pacer.rateFor("kms", "DescribeKey")).toBe(1000);
    expect(pacer.rateFor("tagging", "GetResources")).toBe(7.5);
    expect(pacer.rateFor("ec2", "DescribeVolumes")).toBe(10);
    expect(() => new Pacer({ quotaShare: 0 })).toThrow(/quotaShare/);
  });
});
