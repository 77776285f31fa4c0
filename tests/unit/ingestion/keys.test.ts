import { beforeEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import {
  DescribeKeyCommand,
  GetKeyLastUsageCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeyRotationsCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  type KeyMetadata,
} from "@aws-sdk/client-kms";
import { collectKeys } from "@/jobs/collectors/keys";

const kmsMock = mockClient(KMSClient);
const unit = { accountId: "111122223333", region: "eu-west-1" };
const arn = (id: string) => `arn:aws:kms:eu-west-1:111122223333:key/${id}`;
const awsError = (name: string) => Object.assign(new Error(`${name} from test`), { name });

function describe_(id: string, extra: Partial<KeyMetadata> = {}): { KeyMetadata: KeyMetadata } {
  return {
    KeyMetadata: {
      KeyId: id,
      Arn: arn(id),
      AWSAccountId: "111122223333",
      KeyManager: "CUSTOMER",
      KeyState: "Enabled",
      KeySpec: "SYMMETRIC_DEFAULT",
      KeyUsage: "ENCRYPT_DECRYPT",
      Origin: "AWS_KMS",
      CreationDate: new Date("2024-01-10T00:00:00Z"),
      ...extra,
    } as KeyMetadata,
  };
}

beforeEach(() => {
  kmsMock.reset();
  kmsMock
    .on(ListKeysCommand)
    .resolvesOnce({ Keys: [{ KeyId: "cmk" }, { KeyId: "managed" }], Truncated: true, NextMarker: "m1" })
    .resolvesOnce({ Keys: [{ KeyId: "rsa" }], Truncated: false });
  kmsMock
    .on(ListAliasesCommand)
    .resolvesOnce({ Aliases: [{ AliasName: "alias/prod-pay-db", TargetKeyId: "cmk" }, { AliasName: "alias/aws/ebs" }], Truncated: true, NextMarker: "a1" })
    .resolvesOnce({ Aliases: [{ AliasName: "alias/aws/s3", TargetKeyId: "managed" }, { AliasName: "alias/a-cmk", TargetKeyId: "cmk" }], Truncated: false });
  kmsMock.on(DescribeKeyCommand, { KeyId: "cmk" }).resolves(describe_("cmk"));
  kmsMock.on(DescribeKeyCommand, { KeyId: "managed" }).resolves(describe_("managed", { KeyManager: "AWS" }));
  kmsMock.on(DescribeKeyCommand, { KeyId: "rsa" }).resolves(describe_("rsa", { KeySpec: "RSA_2048", KeyUsage: "SIGN_VERIFY", KeyState: "Disabled" }));
  kmsMock
    .on(ListResourceTagsCommand, { KeyId: arn("cmk") })
    .resolvesOnce({ Tags: [{ TagKey: "owner", TagValue: "team-a" }], Truncated: true, NextMarker: "t1" })
    .resolvesOnce({ Tags: [{ TagKey: "business-unit", TagValue: "payments" }], Truncated: false });
  kmsMock.on(ListResourceTagsCommand, { KeyId: arn("rsa") }).resolves({ Tags: [] });
  kmsMock.on(GetKeyPolicyCommand, { KeyId: arn("cmk") }).resolves({ Policy: '{"Version":"2012-10-17","Statement":[]}' });
  kmsMock.on(GetKeyPolicyCommand, { KeyId: arn("rsa") }).rejects(awsError("AccessDeniedException"));
  kmsMock.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
  kmsMock
    .on(ListKeyRotationsCommand)
    .resolvesOnce({ Rotations: [{ RotationDate: new Date("2024-06-01T00:00:00Z") }, { RotationDate: new Date("2025-06-01T00:00:00Z") }], Truncated: true, NextMarker: "r1" })
    .resolvesOnce({ Rotations: [{ RotationDate: new Date("2025-02-01T00:00:00Z") }], Truncated: false });
  kmsMock.on(GetKeyLastUsageCommand, { KeyId: arn("cmk") }).resolves({
    KeyLastUsage: { Operation: "Decrypt", Timestamp: new Date("2025-07-01T12:00:00Z") },
    TrackingStartDate: new Date("2025-03-01T00:00:00Z"),
  });
  kmsMock.on(GetKeyLastUsageCommand, { KeyId: arn("rsa") }).resolves({ TrackingStartDate: new Date("2025-03-01T00:00:00Z") });
});

describe("collectKeys", () => {
  it("pages every list call and records each key with aliases, tags, rotation and policy", async () => {
    const out = await collectKeys({ kms: new KMSClient({}) }, unit);
    expect(out.keys.map((k) => k.keyId)).toEqual(["cmk", "managed", "rsa"]);
    const cmk = out.keys[0]!;
    expect(cmk.aliases).toEqual(["alias/a-cmk", "alias/prod-pay-db"]);
    expect(cmk.tags).toEqual({ owner: "team-a", "business-unit": "payments" });
    expect(cmk.policy).toEqual({ Version: "2012-10-17", Statement: [] });
    expect(cmk).toMatchObject({ rotationEnabled: true, rotationPeriodDays: 365, rotationCount: 3 });
    expect(cmk.lastRotatedAt?.toISOString()).toBe("2025-06-01T00:00:00.000Z");
    expect(kmsMock.commandCalls(ListKeysCommand).map((c) => c.args[0].input.Marker)).toEqual([undefined, "m1"]);
    expect(kmsMock.commandCalls(ListAliasesCommand).map((c) => c.args[0].input.Marker)).toEqual([undefined, "a1"]);
    expect(kmsMock.commandCalls(ListKeyRotationsCommand)).toHaveLength(2);
  });

  // The shape the SDK returns (dates deserialized to Date). The key rotated automatically on
  // 2025-01-10 and on demand on 2025-06-01: KMS keeps the yearly schedule, so the next rotation
  // is 2026-01-10, not the last rotation + 365 days (2026-06-01).
  it("takes the next rotation from GetKeyRotationStatus NextRotationDate, unmoved by an on-demand rotation", async () => {
    kmsMock.on(GetKeyRotationStatusCommand).resolves({
      KeyId: arn("cmk"),
      KeyRotationEnabled: true,
      RotationPeriodInDays: 365,
      NextRotationDate: new Date("2026-01-10T00:00:00Z"),
      OnDemandRotationStartDate: new Date("2025-06-01T09:30:00Z"),
    });
    kmsMock.on(ListKeyRotationsCommand).resolves({
      Rotations: [
        { KeyId: arn("cmk"), RotationDate: new Date("2025-01-10T00:00:00Z"), RotationType: "AUTOMATIC" },
        { KeyId: arn("cmk"), RotationDate: new Date("2025-06-01T09:30:00Z"), RotationType: "ON_DEMAND" },
      ],
      Truncated: false,
    });
    const out = await collectKeys({ kms: new KMSClient({}) }, unit);
    const cmk = out.keys.find((k) => k.keyId === "cmk")!;
    expect(cmk).toMatchObject({ rotationEnabled: true, rotationPeriodDays: 365, rotationCount: 2 });
    expect(cmk.lastRotatedAt?.toISOString()).toBe("2025-06-01T09:30:00.000Z");
    expect(cmk.nextRotationDate?.toISOString()).toBe("2026-01-10T00:00:00.000Z");
  });

  it("has no next rotation while rotation is off, even if the response carries a date", async () => {
    kmsMock.on(GetKeyRotationStatusCommand).resolves({ KeyId: arn("cmk"), KeyRotationEnabled: false, NextRotationDate: new Date("2026-01-10T00:00:00Z") });
    const out = await collectKeys({ kms: new KMSClient({}) }, unit);
    expect(out.keys.find((k) => k.keyId === "cmk")).toMatchObject({ rotationEnabled: false, rotationPeriodDays: null, nextRotationDate: null });
  });

  it("records AWS managed keys from DescribeKey alone", async () => {
    const out = await collectKeys({ kms: new KMSClient({}) }, unit);
    const managed = out.keys.find((k) => k.keyId === "managed")!;
    expect(managed).toMatchObject({ keyManager: "AWS", aliases: ["alias/aws/s3"], tags: {}, rotationEnabled: null, nextRotationDate: null, policy: null });
    const managedCalls = kmsMock.calls().filter((c) => JSON.stringify(c.args[0].input).includes(arn("managed")));
    expect(managedCalls).toHaveLength(0);
    expect(out.keyUsage.find((u) => u.keyArn === arn("managed"))?.status).toBe("UNKNOWN");
  });

  it("keeps a key whose policy is denied, with a warning, and skips rotation calls for asymmetric keys", async () => {
    const out = await collectKeys({ kms: new KMSClient({}) }, unit);
    const rsa = out.keys.find((k) => k.keyId === "rsa")!;
    expect(rsa).toMatchObject({ keyState: "Disabled", policy: null, policyError: "AccessDeniedException", rotationEnabled: null, rotationCount: null });
    expect(out.warnings).toEqual([
      expect.objectContaining({ code: "AccessDeniedException", resourceArn: arn("rsa"), source: "kms", accountId: "111122223333" }),
    ]);
    expect(kmsMock.commandCalls(GetKeyRotationStatusCommand).map((c) => c.args[0].input.KeyId)).toEqual([arn("cmk")]);
  });

  it("reads last usage: used, and no use since tracking start", async () => {
    const out = await collectKeys({ kms: new KMSClient({}) }, unit);
    expect(out.keyUsage.find((u) => u.keyArn === arn("cmk"))).toMatchObject({ status: "USED", lastOperation: "Decrypt" });
    expect(out.keyUsage.find((u) => u.keyArn === arn("rsa"))).toMatchObject({ status: "NEVER_USED", lastUsedAt: null });
  });

  it("marks usage UNKNOWN, never unused, when the endpoint lacks GetKeyLastUsage, and stops asking", async () => {
    kmsMock.on(GetKeyLastUsageCommand).rejects(awsError("UnknownOperationException"));
    const out = await collectKeys({ kms: new KMSClient({}) }, unit, { concurrency: 1 });
    expect(out.keyUsage.map((u) => u.status)).toEqual(["UNKNOWN", "UNKNOWN", "UNKNOWN"]);
    expect(kmsMock.commandCalls(GetKeyLastUsageCommand)).toHaveLength(1);
    expect(out.warnings.filter((w) => w.code === "KEY_LAST_USAGE_UNAVAILABLE")).toHaveLength(1);
  });

  it("warns instead of crashing on a DescribeKey without KeyMetadata or a failing DescribeKey", async () => {
    kmsMock.on(DescribeKeyCommand, { KeyId: "managed" }).resolves({});
    kmsMock.on(DescribeKeyCommand, { KeyId: "rsa" }).rejects(awsError("NotFoundException"));
    const out = await collectKeys({ kms: new KMSClient({}) }, unit);
    expect(out.keys.map((k) => k.keyId)).toEqual(["cmk"]);
    expect(out.warnings.map((w) => w.code).sort()).toEqual(["KEY_METADATA_MISSING", "NotFoundException"]);
  });

  it("handles an empty account and empty pages", async () => {
    kmsMock.on(ListKeysCommand).resolves({});
    kmsMock.on(ListAliasesCommand).resolves({});
    const out = await collectKeys({ kms: new KMSClient({}) }, unit);
    expect(out).toEqual({ keys: [], keyUsage: [], warnings: [] });
  });
});
