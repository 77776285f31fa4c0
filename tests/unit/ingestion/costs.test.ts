import { beforeEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import {
  CostExplorerClient,
  GetCostAndUsageCommand,
  GetCostAndUsageWithResourcesCommand,
  GetDimensionValuesCommand,
  type Group,
} from "@aws-sdk/client-cost-explorer";
import { collectKmsCosts, costWindow, tagValueFromGroupKey } from "@/jobs/collectors/costs";
import { collectKeyRequestVolumes } from "@/jobs/collectors/key-requests";

const ce = mockClient(CostExplorerClient);
const clients = { costExplorer: new CostExplorerClient({}) };
const window = { start: "2025-06-01", end: "2025-06-03" };
const group = (keys: string[], cost: string, quantity: string): Group => ({
  Keys: keys,
  Metrics: { UnblendedCost: { Amount: cost, Unit: "USD" }, UsageQuantity: { Amount: quantity, Unit: "N/A" } },
});
const awsError = (name: string, message = name) => Object.assign(new Error(message), { name });
const keyArn = (id: string) => `arn:aws:kms:eu-west-1:111122223333:key/${id}`;

beforeEach(() => ce.reset());

describe("costWindow", () => {
  const today = new Date("2025-06-15T08:00:00Z");
  it("resumes settleDays before the last fetched day, up to today exclusive", () => {
    expect(costWindow({ lastFetchedDay: "2025-06-10", today })).toEqual({ start: "2025-06-07", end: "2025-06-15" });
  });
  it("starts 13 months back on a first fetch, and never earlier", () => {
    expect(costWindow({ lastFetchedDay: null, today })).toEqual({ start: "2024-05-01", end: "2025-06-15" });
    expect(costWindow({ lastFetchedDay: "2023-01-01", today })?.start).toBe("2024-05-01");
  });
  it("has nothing to fetch when already up to date", () => {
    expect(costWindow({ lastFetchedDay: "2025-06-20", today, settleDays: 3 })).toBeNull();
  });
});

describe("collectKmsCosts", () => {
  it("splits on the smaller dimension, pages, and parses tag groups including untagged", async () => {
    ce.on(GetDimensionValuesCommand, { Dimension: "USAGE_TYPE" })
      .resolvesOnce({ DimensionValues: [{ Value: "EUW1-KMS-Requests" }, { Value: "EUW1-KMS-Keys" }], NextPageToken: "u2" })
      .resolvesOnce({ DimensionValues: [{ Value: "KMS-Requests" }] });
    ce.on(GetDimensionValuesCommand, { Dimension: "LINKED_ACCOUNT" }).resolves({ DimensionValues: [{ Value: "111122223333" }, { Value: "444455556666" }] });
    const accountFilter = (account: string) => ({
      Filter: { And: [{ Dimensions: { Key: "SERVICE" as const, Values: ["AWS Key Management Service"] } }, { Dimensions: { Key: "LINKED_ACCOUNT" as const, Values: [account] } }] },
    });
    ce.on(GetCostAndUsageCommand, accountFilter("111122223333"))
      .resolvesOnce({
        ResultsByTime: [
          {
            TimePeriod: { Start: "2025-06-01", End: "2025-06-02" },
            Groups: [group(["EUW1-KMS-Keys", "business-unit$payments"], "0.0645", "0.0645"), group(["EUW1-KMS-Requests", "business-unit$"], "0.012", "4000")],
          },
        ],
        NextPageToken: "p2",
      })
      .resolvesOnce({
        ResultsByTime: [{ TimePeriod: { Start: "2025-06-02", End: "2025-06-03" }, Groups: [group(["KMS-Requests", "business-unit$payments"], "0.03", "10000")] }],
      });
    ce.on(GetCostAndUsageCommand, accountFilter("444455556666")).resolves({
      ResultsByTime: [{ TimePeriod: { Start: "2025-06-01", End: "2025-06-02" }, Groups: [group(["EUW1-KMS-Keys", "business-unit$retail"], "0.0322", "0.0322")] }],
    });

    const out = await collectKmsCosts(clients, { window });
    expect(out.plan).toEqual({ splitBy: "LINKED_ACCOUNT", requestsPlanned: 4 });
    // 3 GetDimensionValues (one extra page) + 3 GetCostAndUsage (one extra page)
    expect(out.requests).toBe(6);
    expect(out.records).toEqual([
      { day: "2025-06-01", accountId: "111122223333", businessUnit: "payments", costCenter: "", usageType: "EUW1-KMS-Keys", region: "eu-west-1", category: "KEYS", unblendedCost: 0.0645, usageQuantity: 0.0645 },
      { day: "2025-06-01", accountId: "111122223333", businessUnit: "", costCenter: "", usageType: "EUW1-KMS-Requests", region: "eu-west-1", category: "REQUESTS", unblendedCost: 0.012, usageQuantity: 4000 },
      { day: "2025-06-02", accountId: "111122223333", businessUnit: "payments", costCenter: "", usageType: "KMS-Requests", region: "us-east-1", category: "REQUESTS", unblendedCost: 0.03, usageQuantity: 10000 },
      { day: "2025-06-01", accountId: "444455556666", businessUnit: "retail", costCenter: "", usageType: "EUW1-KMS-Keys", region: "eu-west-1", category: "KEYS", unblendedCost: 0.0322, usageQuantity: 0.0322 },
    ]);
    const call = ce.commandCalls(GetCostAndUsageCommand)[0]!.args[0].input;
    expect(call).toMatchObject({ Granularity: "DAILY", Metrics: ["UnblendedCost", "UsageQuantity"], TimePeriod: { Start: "2025-06-01", End: "2025-06-03" } });
    expect(call.GroupBy).toEqual([{ Type: "DIMENSION", Key: "USAGE_TYPE" }, { Type: "TAG", Key: "business-unit" }]);
  });

  it("splits on usage type when it has fewer values, grouping by account and the configured tag", async () => {
    ce.on(GetDimensionValuesCommand, { Dimension: "USAGE_TYPE" }).resolves({ DimensionValues: [{ Value: "USE2-KMS-Keys" }] });
    ce.on(GetDimensionValuesCommand, { Dimension: "LINKED_ACCOUNT" }).resolves({ DimensionValues: [{ Value: "1" }, { Value: "2" }] });
    ce.on(GetCostAndUsageCommand).resolves({
      ResultsByTime: [
        { TimePeriod: { Start: "2025-06-01", End: "2025-06-02" }, Groups: [group(["222233334444", "bu$a$b"], "1", "1"), { Keys: ["only-one-key"] }] },
        { TimePeriod: { Start: "2025-06-02", End: "2025-06-03" } },
      ],
    });
    const out = await collectKmsCosts(clients, { window, businessUnitTagKey: "bu" });
    expect(out.plan.splitBy).toBe("USAGE_TYPE");
    expect(out.records).toEqual([expect.objectContaining({ accountId: "222233334444", businessUnit: "a$b", usageType: "USE2-KMS-Keys", region: "us-east-2" })]);
    expect(out.warnings.map((w) => w.code)).toEqual(["COST_GROUP_MALFORMED"]);
    expect(ce.commandCalls(GetCostAndUsageCommand)[0]!.args[0].input.GroupBy).toEqual([{ Type: "DIMENSION", Key: "LINKED_ACCOUNT" }, { Type: "TAG", Key: "bu" }]);
  });

  it("reads the region id KMS prefixes its usage types with, and warns once for an unreadable region", async () => {
    // Cost Explorer's real KMS values: region ids, not billing codes (DOMAIN.md §3).
    ce.on(GetDimensionValuesCommand, { Dimension: "USAGE_TYPE" }).resolves({
      DimensionValues: [{ Value: "eu-central-1-KMS-Requests" }, { Value: "ap-southeast-1-KMS-Requests-Asymmetric" }, { Value: "ZZZ9-KMS-Keys" }],
    });
    ce.on(GetDimensionValuesCommand, { Dimension: "LINKED_ACCOUNT" }).resolves({ DimensionValues: [{ Value: "1" }] });
    const day = (start: string, end: string) => ({
      TimePeriod: { Start: start, End: end },
      Groups: [
        group(["eu-central-1-KMS-Requests", "bu$"], "0.03", "10000"),
        group(["ap-southeast-1-KMS-Requests-Asymmetric", "bu$"], "0.15", "10000"),
        group(["ZZZ9-KMS-Keys", "bu$"], "0.0322", "0.0322"),
      ],
    });
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [day("2025-06-01", "2025-06-02"), day("2025-06-02", "2025-06-03")] });
    const out = await collectKmsCosts(clients, { window, businessUnitTagKey: "bu" });
    expect(out.plan.splitBy).toBe("LINKED_ACCOUNT");
    expect(out.records.slice(0, 3).map((r) => [r.region, r.category])).toEqual([
      ["eu-central-1", "REQUESTS"],
      ["ap-southeast-1", "REQUESTS"],
      ["unknown", "KEYS"],
    ]);
    expect(out.warnings.map((w) => w.code)).toEqual(["COST_REGION_UNKNOWN"]);
    expect(out.warnings[0]!.message).toContain("ZZZ9-KMS-Keys");
  });

  it("makes no cost request when KMS had no usage", async () => {
    ce.on(GetDimensionValuesCommand).resolves({ DimensionValues: [] });
    const out = await collectKmsCosts(clients, { window });
    expect(out).toMatchObject({ records: [], requests: 2 });
  });

  it("parses tag group keys", () => {
    expect(["business-unit$payments", "business-unit$", "x$a$b"].map(tagValueFromGroupKey)).toEqual(["payments", "", "a$b"]);
  });
});

describe("collectKeyRequestVolumes", () => {
  const today = new Date("2025-06-15T00:00:00Z");
  beforeEach(() => {
    ce.on(GetDimensionValuesCommand).resolves({ DimensionValues: [{ Value: "EUW1-KMS-Keys" }, { Value: "EUW1-KMS-Requests" }, { Value: "EUW1-KMS-Requests-Asymmetric" }] });
  });

  it("sums request usage types per key and day over the last 14 days", async () => {
    ce.on(GetCostAndUsageWithResourcesCommand)
      .resolvesOnce({
        ResultsByTime: [
          {
            TimePeriod: { Start: "2025-06-01", End: "2025-06-02" },
            Groups: [group([keyArn("k1")], "0.03", "10000"), group([keyArn("k1")], "0.15", "10000"), group(["NoResourceId"], "9", "9")],
          },
        ],
        NextPageToken: "n2",
      })
      .resolvesOnce({ ResultsByTime: [{ TimePeriod: { Start: "2025-06-02", End: "2025-06-03" }, Groups: [group([keyArn("k1")], "0.003", "1000")] }] });
    const out = await collectKeyRequestVolumes(clients, { today });
    expect(out).toEqual({
      available: true,
      requests: 3,
      records: [
        { day: "2025-06-01", keyArn: keyArn("k1"), accountId: "111122223333", requests: 20000, cost: 0.18 },
        { day: "2025-06-02", keyArn: keyArn("k1"), accountId: "111122223333", requests: 1000, cost: 0.003 },
      ],
    });
    const input = ce.commandCalls(GetCostAndUsageWithResourcesCommand)[0]!.args[0].input;
    expect(input.TimePeriod).toEqual({ Start: "2025-06-01", End: "2025-06-15" });
    expect(input.Filter?.And?.[1]).toEqual({ Dimensions: { Key: "USAGE_TYPE", Values: ["EUW1-KMS-Requests", "EUW1-KMS-Requests-Asymmetric"] } });
  });

  it("reports unavailable resource-level data instead of numbers", async () => {
    ce.on(GetCostAndUsageWithResourcesCommand).rejects(awsError("DataUnavailableException"));
    expect(await collectKeyRequestVolumes(clients, { today })).toMatchObject({ available: false, reason: expect.stringMatching(/unavailable/) });

    ce.on(GetCostAndUsageWithResourcesCommand).rejects(awsError("ValidationException", "Resource-level data is an opt-in feature"));
    const out = await collectKeyRequestVolumes(clients, { today });
    expect(out.available).toBe(false);
    expect("records" in out).toBe(false);
  });

  it("rethrows errors that do not mean unavailability", async () => {
    ce.on(GetCostAndUsageWithResourcesCommand).rejects(awsError("ValidationException", "Start date must be before end date"));
    await expect(collectKeyRequestVolumes(clients, { today })).rejects.toThrow(/Start date/);
  });
});
