import { describe, expect, it } from "vitest";
import { parseIngestionConfig } from "@/lib/config/ingestion";
import { ConfigError } from "@/lib/config/env";
import { countUnits, formatSummary, progressLine } from "@/jobs/ingestion/report";
import { resolveResourceKeys } from "@/jobs/ingestion/resolve-resources";
import { cmk, volume, ACCOUNT, REGION } from "@/tests/fixtures/records";

describe("ingestion configuration", () => {
  it("has defaults for every optional variable", () => {
    expect(parseIngestionConfig({})).toEqual({
      accounts: null, regions: null, roleName: "KmsFinOpsReadOnly", externalId: null, managementAccountId: null,
      schedule: "0 3 * * *", costSettleDays: 3, skipAssumeRole: false, unitConcurrency: 4, quotaShare: 0.8,
    });
  });

  it("parses lists, flags and numbers", () => {
    const c = parseIngestionConfig({ INGEST_ACCOUNTS: "111111111111, 222222222222,111111111111", INGEST_REGIONS: "eu-west-1,us-east-1", INGEST_SKIP_ASSUME_ROLE: "true", INGEST_COST_SETTLE_DAYS: "5", INGEST_SCHEDULE: "30 2 * * 1" });
    expect([c.accounts, c.regions, c.skipAssumeRole, c.costSettleDays, c.schedule]).toEqual([["111111111111", "222222222222"], ["eu-west-1", "us-east-1"], true, 5, "30 2 * * 1"]);
  });

  it.each([
    ["INGEST_ACCOUNTS", "12345", /INGEST_ACCOUNTS: "12345" is not a 12-digit account id/],
    ["INGEST_REGIONS", "eu-west-1,mars", /INGEST_REGIONS: "mars" is not a region name/],
    ["INGEST_SCHEDULE", "every day", /INGEST_SCHEDULE: must be a 5-field cron expression/],
    ["INGEST_SCHEDULE", "0 3 * *", /INGEST_SCHEDULE/],
    ["INGEST_COST_SETTLE_DAYS", "-1", /INGEST_COST_SETTLE_DAYS/],
    ["INGEST_SKIP_ASSUME_ROLE", "maybe", /INGEST_SKIP_ASSUME_ROLE/],
    ["INGEST_UNIT_CONCURRENCY", "0", /INGEST_UNIT_CONCURRENCY/],
  ])("rejects %s=%s naming the variable", (name, value, message) => {
    expect(() => parseIngestionConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseIngestionConfig({ [name]: value })).toThrow(message);
  });
});

describe("CLI progress and summary", () => {
  const units = [
    { status: "SUCCEEDED", kind: "inventory", keysCount: 3, resourcesCount: 10, apiRequests: {} },
    { status: "PARTIAL", kind: "inventory", keysCount: 2, resourcesCount: 5, apiRequests: {} },
    { status: "FAILED", kind: "inventory", keysCount: 0, resourcesCount: 0, apiRequests: {} },
    { status: "RUNNING", kind: "costs", keysCount: 0, resourcesCount: 0, apiRequests: {} },
  ];

  it("counts units by status and draws done of total", () => {
    expect(countUnits(units)).toEqual({ total: 4, succeeded: 1, partial: 1, failed: 1, running: 1 });
    expect(progressLine(countUnits(units), 12_400)).toBe("[###############.....] 3/4 units (1 ok, 1 partial, 1 failed, 1 running) 12s");
  });

  it("sums keys, resources and prices the billed requests", () => {
    const text = formatSummary({
      runId: "r1", status: "PARTIAL", startedAt: new Date(0), finishedAt: new Date(61_500), units, error: null,
      warnings: [{ accountId: "222222222222", region: "us-east-1", code: "AccessDeniedException", message: "GetKeyPolicy: denied" }],
      kmsRequests: 20_000, costExplorerRequests: 14, otherRequests: 9,
    });
    expect(text).toContain("Run r1: PARTIAL in 61.5s");
    expect(text).toContain("4 total: 1 succeeded, 1 partial, 1 failed");
    expect(text).toContain("5 keys, 15 storage resources");
    expect(text).toContain("KMS 20000 (billed, ~$0.0600 before free tier)");
    expect(text).toContain("Cost Explorer 14 ($0.1400 at $0.01 each)");
    expect(text).toContain("- 222222222222/us-east-1 AccessDeniedException: GetKeyPolicy: denied");
  });
});

describe("resolving resources collected before the key inventory", () => {
  it("resolves key ids, alias names and the service default key as collectResources would", () => {
    const keys = [cmk("k1"), cmk("aws-ebs", { keyManager: "AWS", aliases: ["alias/aws/ebs"] })];
    const unresolved = { encryptionClass: "UNKNOWN" as const, keyArn: null };
    const out = resolveResourceKeys(
      [
        volume("by-id", { ...unresolved, keyRef: "k1" }),
        volume("by-alias", { ...unresolved, keyRef: "alias/prod-app-k1" }),
        volume("default", { ...unresolved, keyRef: null }),
        volume("plain", { encryptionClass: "NONE", keyRef: null, keyArn: null }),
        volume("elsewhere", { ...unresolved, keyRef: "arn:aws:kms:eu-west-1:999999999999:key/x" }),
      ],
      keys,
      { accountId: ACCOUNT, region: REGION },
    );
    expect(out.map((r) => [r.name, r.encryptionClass, r.keyArn?.split(":").slice(4).join(":") ?? null])).toEqual([
      ["by-id", "CUSTOMER_KMS", `${ACCOUNT}:key/k1`],
      ["by-alias", "CUSTOMER_KMS", `${ACCOUNT}:key/k1`],
      ["default", "AWS_MANAGED_KMS", `${ACCOUNT}:key/aws-ebs`],
      ["plain", "NONE", null],
      ["elsewhere", "CUSTOMER_KMS", "999999999999:key/x"],
    ]);
  });
});
