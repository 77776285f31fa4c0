// KMS (JSON 1.1, X-Amz-Target TrentService.*) over one account-region of the fixture.
import { keyArnOf, type FixtureKey, type FixtureRegion } from "../fixture";
import { epochSeconds, errorAnswer, jsonAnswer, pageOf, type Answer } from "../wire";
import type { CallContext } from "../context";

const DEFAULT_POLICY = (accountId: string) => ({
  Version: "2012-10-17",
  Statement: [{ Sid: "Enable IAM User Permissions", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" }],
});

function findKey(region: FixtureRegion, ref: string | undefined): FixtureKey | undefined {
  if (!ref) return undefined;
  const id = ref.startsWith("arn:") ? ref.split(":").slice(5).join(":") : ref;
  if (id.startsWith("key/")) return region.keys.find((k) => k.keyId === id.slice(4));
  if (id.startsWith("alias/")) return region.keys.find((k) => k.aliases?.includes(id));
  return region.keys.find((k) => k.keyId === id);
}

function metadata(ctx: CallContext, key: FixtureKey) {
  const spec = key.spec ?? "SYMMETRIC_DEFAULT";
  return {
    AWSAccountId: ctx.accountId,
    KeyId: key.keyId,
    Arn: keyArnOf(ctx.accountId, ctx.region, key.keyId),
    CreationDate: epochSeconds(key.created ?? "2024-01-15T00:00:00Z"),
    Enabled: (key.state ?? "Enabled") === "Enabled",
    Description: key.description ?? "",
    KeyUsage: key.usage ?? "ENCRYPT_DECRYPT",
    KeyState: key.state ?? "Enabled",
    Origin: key.origin ?? "AWS_KMS",
    KeyManager: key.manager ?? "CUSTOMER",
    CustomerMasterKeySpec: spec,
    KeySpec: spec,
    EncryptionAlgorithms: spec === "SYMMETRIC_DEFAULT" ? ["SYMMETRIC_DEFAULT"] : ["RSAES_OAEP_SHA_256"],
    MultiRegion: false,
  };
}

export function kms(ctx: CallContext, operation: string, input: Record<string, unknown>): Answer {
  const region = ctx.regionFixture;
  const notFound = () => errorAnswer("json", 400, "NotFoundException", `Key '${String(input.KeyId)}' does not exist`);
  switch (operation) {
    case "ListKeys": {
      const page = pageOf(region.keys, input.Marker as string, Number(input.Limit ?? 100));
      return jsonAnswer({ Keys: page.items.map((k) => ({ KeyId: k.keyId, KeyArn: keyArnOf(ctx.accountId, ctx.region, k.keyId) })), Truncated: page.next !== null, ...(page.next ? { NextMarker: page.next } : {}) });
    }
    case "ListAliases": {
      const aliases = region.keys.flatMap((k) => (k.aliases ?? []).map((name) => ({ AliasName: name, AliasArn: `arn:aws:kms:${ctx.region}:${ctx.accountId}:${name}`, TargetKeyId: k.keyId })));
      const page = pageOf(aliases, input.Marker as string, Number(input.Limit ?? 50));
      return jsonAnswer({ Aliases: page.items, Truncated: page.next !== null, ...(page.next ? { NextMarker: page.next } : {}) });
    }
    case "DescribeKey": {
      const key = findKey(region, input.KeyId as string);
      return key ? jsonAnswer({ KeyMetadata: metadata(ctx, key) }) : notFound();
    }
    case "GetKeyRotationStatus": {
      const key = findKey(region, input.KeyId as string);
      if (!key) return notFound();
      const schedule = key.rotationEnabled ? { RotationPeriodInDays: 365, ...(key.nextRotation ? { NextRotationDate: epochSeconds(key.nextRotation) } : {}) } : {};
      return jsonAnswer({ KeyId: key.keyId, KeyRotationEnabled: key.rotationEnabled ?? false, ...schedule });
    }
    case "ListKeyRotations": {
      const key = findKey(region, input.KeyId as string);
      if (!key) return notFound();
      return jsonAnswer({ Rotations: (key.rotations ?? []).map((d) => ({ KeyId: key.keyId, RotationDate: epochSeconds(d), RotationType: "AUTOMATIC" })), Truncated: false });
    }
    case "ListResourceTags": {
      const key = findKey(region, input.KeyId as string);
      if (!key) return notFound();
      return jsonAnswer({ Tags: Object.entries(key.tags ?? {}).map(([TagKey, TagValue]) => ({ TagKey, TagValue })), Truncated: false });
    }
    case "GetKeyPolicy": {
      const key = findKey(region, input.KeyId as string);
      if (!key) return notFound();
      if (ctx.options.denyKeyPolicy?.includes(key.keyId)) {
        return errorAnswer("json", 400, "AccessDeniedException", `User: ${ctx.principal} is not authorized to perform: kms:GetKeyPolicy on resource: ${keyArnOf(ctx.accountId, ctx.region, key.keyId)} because no resource-based policy allows the kms:GetKeyPolicy action`);
      }
      return jsonAnswer({ Policy: JSON.stringify(key.policy ?? DEFAULT_POLICY(ctx.accountId)), PolicyName: "default" });
    }
    case "GetKeyLastUsage": {
      const key = findKey(region, input.KeyId as string);
      if (!key) return notFound();
      return jsonAnswer({
        KeyId: key.keyId,
        TrackingStartDate: epochSeconds("2025-01-01T00:00:00Z"),
        KeyCreationDate: epochSeconds(key.created ?? "2024-01-15T00:00:00Z"),
        ...(key.lastUsedAt ? { KeyLastUsage: { Operation: "Decrypt", Timestamp: epochSeconds(key.lastUsedAt) } } : {}),
      });
    }
    default:
      return errorAnswer("json", 400, "UnknownOperationException", `KMS ${operation} is not served here`);
  }
}
