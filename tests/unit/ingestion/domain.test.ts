import { describe, expect, it } from "vitest";
import { buildKeyIndex, encryptionClassFor, encryptionClassForResolution, resolveKeyRef } from "@/lib/domain/key-resolution";
import { classifyUsageType, regionFromUsageType } from "@/lib/domain/usage-type";

const arn = (id: string, account = "111122223333") => `arn:aws:kms:eu-west-1:${account}:key/${id}`;
const index = buildKeyIndex(
  [
    { keyArn: arn("k-cmk"), keyId: "k-cmk", keyManager: "CUSTOMER", aliases: ["alias/prod-app-data", "alias/other"] },
    { keyArn: arn("k-s3"), keyId: "k-s3", keyManager: "AWS", aliases: ["alias/aws/s3"] },
  ],
  { accountId: "111122223333", region: "eu-west-1" },
);

describe("resolveKeyRef", () => {
  it.each([
    ["key id", "k-cmk", arn("k-cmk")],
    ["key ARN", arn("k-cmk"), arn("k-cmk")],
    ["alias name", "alias/other", arn("k-cmk")],
    ["alias ARN", "arn:aws:kms:eu-west-1:111122223333:alias/prod-app-data", arn("k-cmk")],
    ["AWS managed alias", "alias/aws/s3", arn("k-s3")],
    ["unknown key id", "nope", null],
    ["unknown alias", "alias/nope", null],
  ])("resolves a %s", (_label, ref, expected) => {
    expect(resolveKeyRef(ref, index).keyArn).toBe(expected);
  });

  it("treats an absent reference as the service's AWS managed key", () => {
    expect(resolveKeyRef(undefined, index, "alias/aws/s3")).toEqual({ keyArn: arn("k-s3"), awsManagedAlias: true, crossAccount: false });
    expect(resolveKeyRef("", index)).toEqual({ keyArn: null, awsManagedAlias: false, crossAccount: false });
  });

  it("keeps another account's key ARN as-is, and cannot name another account's alias", () => {
    expect(resolveKeyRef(arn("x", "999988887777"), index)).toEqual({ keyArn: arn("x", "999988887777"), awsManagedAlias: false, crossAccount: true });
    expect(resolveKeyRef("arn:aws:kms:eu-west-1:999988887777:alias/shared", index).keyArn).toBeNull();
  });
});

describe("encryption class", () => {
  it("follows the key manager, counts cross-account keys as CMKs, and is UNKNOWN otherwise", () => {
    expect(encryptionClassFor(arn("k-cmk"), index.lookup)).toBe("CUSTOMER_KMS");
    expect(encryptionClassFor(arn("k-s3"), index.lookup)).toBe("AWS_MANAGED_KMS");
    expect(encryptionClassFor(arn("x", "999988887777"), index.lookup, "111122223333")).toBe("CUSTOMER_KMS");
    expect(encryptionClassFor(arn("gone"), index.lookup, "111122223333")).toBe("UNKNOWN");
    expect(encryptionClassFor(null, index.lookup)).toBe("UNKNOWN");
  });

  it("knows aws/* aliases are AWS managed even when the key was not ingested", () => {
    const empty = buildKeyIndex([], { accountId: "111122223333", region: "eu-west-1" });
    expect(encryptionClassForResolution(resolveKeyRef(undefined, empty, "alias/aws/ebs"), empty)).toBe("AWS_MANAGED_KMS");
    expect(encryptionClassForResolution(resolveKeyRef("alias/custom", empty), empty)).toBe("UNKNOWN");
  });
});

describe("usage types", () => {
  it.each([
    ["USE1-KMS-Keys", "KEYS", "us-east-1"],
    ["KMS-Keys", "KEYS", "us-east-1"],
    ["EUW1-KMS-Requests", "REQUESTS", "eu-west-1"],
    ["KMS-Requests-Asymmetric-RSA_2048", "REQUESTS", "us-east-1"],
    ["APN1-KMS-Requests-GenerateDatakeyPair-ECC", "REQUESTS", "ap-northeast-1"],
    ["USE2-KMS-Key-Storage-Other", "OTHER", "us-east-2"],
    ["XYZ9-KMS-Keys", "KEYS", "unknown"],
    // KMS's own form (DOMAIN.md §3): the region id, as Cost Explorer returns it.
    ["us-east-1-KMS-Keys", "KEYS", "us-east-1"],
    ["eu-central-1-KMS-Requests", "REQUESTS", "eu-central-1"],
    ["ap-southeast-1-KMS-Requests-Asymmetric", "REQUESTS", "ap-southeast-1"],
    ["us-gov-west-1-KMS-Requests-GenerateDatakeyPair-RSA", "REQUESTS", "us-gov-west-1"],
  ])("%s → %s in %s", (usageType, category, region) => {
    expect(classifyUsageType(usageType)).toBe(category);
    expect(regionFromUsageType(usageType)).toBe(region);
  });
});
