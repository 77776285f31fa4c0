import { beforeAll, describe, expect, it } from "vitest";
import type { KmsKeyRecord } from "@/lib/domain/records";
import { keyFindings, type KeyFindingCode } from "@/lib/kpi/key-findings";
import { analyzeKeyPolicy } from "@/lib/kpi/key-policy";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { END_DAY, generate, type Generated } from "./fixtures";

let demo: Generated;
let keysAtEnd: KmsKeyRecord[];
const cmks = () => keysAtEnd.filter((k) => k.keyManager === "CUSTOMER");

beforeAll(() => {
  demo = generate({ seed: 42 });
  keysAtEnd = demo.keysOn(END_DAY);
});

describe("demo keys: the kinds of DOMAIN.md §1", () => {
  it("has aws/s3, aws/ebs and aws/rds AWS managed keys in every account-region", () => {
    const aliases = new Set(keysAtEnd.filter((k) => k.keyManager === "AWS").map((k) => `${k.accountId}|${k.region}|${k.aliases[0]}`));
    expect(aliases.size).toBe(12 * 3 * 3);
    for (const k of keysAtEnd.filter((k) => k.keyManager === "AWS")) {
      expect(k.tags).toEqual({});
      expect(k.keyArn).toMatch(new RegExp(`^arn:aws:kms:${k.region}:${k.accountId}:key/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`));
    }
  });

  it("has asymmetric, HMAC, imported and multi-Region keys with the right usage and rotation", () => {
    const bySpec = (spec: string) => cmks().filter((k) => k.keySpec === spec);
    expect(bySpec("RSA_2048").some((k) => k.keyUsage === "SIGN_VERIFY")).toBe(true);
    expect(bySpec("RSA_4096").length).toBeGreaterThan(0);
    expect(bySpec("ECC_NIST_P256").length).toBeGreaterThan(0);
    expect(cmks().some((k) => k.keySpec.startsWith("HMAC_") && k.keyUsage === "GENERATE_VERIFY_MAC")).toBe(true);
    // Automatic rotation exists only for symmetric AWS_KMS keys: null, not false, elsewhere.
    for (const k of cmks().filter((k) => k.keySpec !== "SYMMETRIC_DEFAULT" || k.origin !== "AWS_KMS")) expect(k.rotationEnabled).toBeNull();
    expect(cmks().filter((k) => k.origin === "EXTERNAL").length).toBeGreaterThanOrEqual(1);

    const primary = cmks().find((k) => k.multiRegionRole === "PRIMARY")!;
    const replicas = cmks().filter((k) => k.multiRegionRole === "REPLICA" && k.primaryKeyArn === primary.keyArn);
    expect(primary.keyId).toMatch(/^mrk-[0-9a-f]{32}$/);
    expect(replicas.map((r) => r.region).sort()).toEqual(["ap-southeast-2", "eu-west-1"]);
    expect(replicas.every((r) => r.keyId === primary.keyId)).toBe(true);
  });

  it("has rotation counts that follow creation dates for yearly rotation since creation", () => {
    const DAY = 86_400_000;
    const endIdx = Date.parse(`${END_DAY}T00:00:00Z`) / DAY;
    const dayOf = (d: Date) => Math.floor(d.getTime() / DAY);
    // KMS does not rotate disabled keys or keys pending deletion: only Enabled keys keep the rhythm.
    const rotated = cmks().filter((k) => k.keyState === "Enabled" && k.rotationEnabled && k.rotationCount! > 0);
    expect(rotated.length).toBeGreaterThan(20);
    for (const k of rotated) {
      // The last rotation is less than one period ago, and at the key's creation time of day.
      expect(endIdx - dayOf(k.lastRotatedAt!)).toBeLessThan(k.rotationPeriodDays!);
      expect(k.lastRotatedAt!.getTime() % DAY).toBe(k.creationDate.getTime() % DAY);
    }
    // Keys rotating yearly since creation: one rotation per whole year of age.
    const sinceCreation = rotated.filter((k) => k.rotationPeriodDays === 365 && (dayOf(k.lastRotatedAt!) - dayOf(k.creationDate)) % 365 === 0);
    expect(sinceCreation.length).toBeGreaterThan(20);
    for (const k of sinceCreation) expect(k.rotationCount).toBe(Math.floor((endIdx - dayOf(k.creationDate)) / 365));
  });

  it("writes key policies as real documents: the root statement first", () => {
    for (const k of cmks()) {
      const policy = k.policy as { Version: string; Statement: { Principal: { AWS: string }; Action: string }[] };
      expect(policy.Version).toBe("2012-10-17");
      expect(policy.Statement[0]).toMatchObject({ Principal: { AWS: `arn:aws:iam::${k.accountId}:root` }, Action: "kms:*" });
    }
  });
});

describe("demo keys: every finding of DOMAIN.md §6.3", () => {
  it("has each bad kind, read from the record fields", () => {
    const symmetricKms = cmks().filter((k) => k.keySpec === "SYMMETRIC_DEFAULT" && k.origin === "AWS_KMS");
    expect(symmetricKms.some((k) => k.rotationEnabled === false && k.multiRegionRole !== "REPLICA")).toBe(true);
    expect(cmks().some((k) => !k.tags["cost-center"] || !k.tags.owner || !k.tags["business-unit"])).toBe(true);
    const pattern = new RegExp(defaultPolicySettings.aliasPattern);
    expect(cmks().some((k) => k.aliases.length === 0)).toBe(true);
    expect(cmks().some((k) => k.aliases.length > 0 && !k.aliases.some((a) => pattern.test(a)))).toBe(true);
    expect(cmks().some((k) => k.keyState === "Disabled")).toBe(true);
    const policyCodes = new Set(cmks().flatMap((k) => analyzeKeyPolicy(k.policy, k.accountId).map((f) => f.code)));
    expect([...policyCodes].sort()).toEqual(["BROAD_USAGE", "NO_SEPARATION_OF_DUTIES", "PUBLIC_POLICY"]);
  });

  it("has exactly one key pending deletion that resources still use, and those resources say so", () => {
    const resourcesAtEnd = demo.resourcesOn(END_DAY);
    const pending = new Set(keysAtEnd.filter((k) => k.keyState === "PendingDeletion").map((k) => k.keyArn));
    const users = resourcesAtEnd.filter((r) => r.record.keyArn !== null && pending.has(r.record.keyArn));
    const inUse = new Set(users.map((r) => r.record.keyArn));
    expect(inUse.size).toBe(1);
    expect(pending.size).toBeGreaterThan(inUse.size); // other scheduled keys nobody uses
    expect(users.some((r) => r.record.service === "RDS")).toBe(true);
    for (const r of users) expect(r.keyState).toBe("PendingDeletion");
    // Only those: no other current resource version claims a pending key.
    expect(resourcesAtEnd.filter((r) => r.keyState === "PendingDeletion")).toHaveLength(users.length);
    const key = keysAtEnd.find((k) => inUse.has(k.keyArn))!;
    const daysLeft = (key.deletionDate!.getTime() - Date.parse(`${END_DAY}T00:00:00Z`)) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(0);
    expect(daysLeft).toBeLessThanOrEqual(30);
  });

  it("raises every finding code through the product's own rules on the last day", () => {
    const resourcesAtEnd = demo.resourcesOn(END_DAY);
    const usage = new Map(demo.chunks.flatMap((c) => c.keyUsage).map((u) => [u.keyArn, u]));
    const asOf = new Date(`${END_DAY}T23:59:59Z`);
    const codes = new Map<KeyFindingCode, number>();
    for (const key of cmks()) {
      const referencingResources = resourcesAtEnd
        .filter((r) => r.record.keyArn === key.keyArn)
        .map((r) => ({ resourceArn: r.record.resourceArn, businessUnit: r.record.tags["business-unit"] ?? "", application: r.record.tags.app ?? "" }));
      for (const f of keyFindings(key, { asOf, usage: usage.get(key.keyArn) ?? null, referencingResources }, defaultPolicySettings)) {
        codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
      }
    }
    expect([...codes.keys()].sort()).toEqual([
      "ALIAS_CONVENTION", "BROAD_USAGE", "DISABLED_BILLED", "MISSING_TAGS", "NO_SEPARATION_OF_DUTIES",
      "PENDING_DELETION_IN_USE", "PUBLIC_POLICY", "ROTATION_DISABLED", "SHARED_MASTER_KEY", "UNUSED",
    ]);
    expect(codes.get("PENDING_DELETION_IN_USE")).toBe(1);
    // Findings are the exception, not the rule: most CMKs are clean on hygiene.
    expect(codes.get("ROTATION_DISABLED")!).toBeLessThan(cmks().length * 0.35);
  });
});
