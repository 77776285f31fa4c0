import { describe, expect, it } from "vitest";
import type { KeyUsageRecord } from "@/lib/domain/records";
import { keyFindings, type KeyFindingContext, type ReferencingResource } from "@/lib/kpi/key-findings";
import { defaultPolicySettings as settings } from "@/lib/settings/policy";
import { ACCOUNT, cmk } from "./fixtures";

const AS_OF = new Date("2025-06-01T00:00:00Z");
const daysBefore = (days: number) => new Date(AS_OF.getTime() - days * 86_400_000);
const DB = `arn:aws:rds:us-east-1:${ACCOUNT}:db:payments`;

const used = (daysAgo: number): KeyUsageRecord => ({
  keyArn: cmk().keyArn, status: "USED", lastUsedAt: daysBefore(daysAgo), lastOperation: "Decrypt", trackingStartDate: daysBefore(400),
});
const ref = (resourceArn: string, businessUnit: string, application: string): ReferencingResource => ({ resourceArn, businessUnit, application });
const ctx = (overrides: Partial<KeyFindingContext> = {}): KeyFindingContext => ({
  asOf: AS_OF, usage: used(1), referencingResources: [ref(DB, "payments", "ledger")], ...overrides,
});
const codesOf = (...args: Parameters<typeof keyFindings>) => keyFindings(...args).map((f) => f.code);

describe("keyFindings", () => {
  it("finds nothing on a well-kept CMK", () => {
    expect(keyFindings(cmk(), ctx(), settings)).toEqual([]);
  });

  it("finds nothing on an AWS managed key, however it looks", () => {
    const key = cmk({ keyManager: "AWS", aliases: ["alias/aws/s3"], tags: {}, rotationEnabled: false, keyState: "Disabled",
      policy: { Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }] } });
    expect(keyFindings(key, ctx({ referencingResources: [] , usage: used(400) }), settings)).toEqual([]);
  });
});

describe("ROTATION_DISABLED", () => {
  it("flags a symmetric AWS_KMS key without rotation (medium)", () => {
    expect(keyFindings(cmk({ rotationEnabled: false }), ctx(), settings)).toEqual([
      { code: "ROTATION_DISABLED", severity: "medium", evidence: { keySpec: "SYMMETRIC_DEFAULT", origin: "AWS_KMS" } },
    ]);
  });

  it.each([
    ["an asymmetric key", { keySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" }],
    ["an HMAC key", { keySpec: "HMAC_256", keyUsage: "GENERATE_VERIFY_MAC" }],
    ["an imported key", { origin: "EXTERNAL" }],
    ["a CloudHSM key store key", { origin: "AWS_CLOUDHSM" }],
    ["an external key store key", { origin: "EXTERNAL_KEY_STORE" }],
    ["a multi-Region replica", { multiRegion: true, multiRegionRole: "REPLICA" as const }],
  ])("never flags %s", (_name, overrides) => {
    expect(codesOf(cmk({ rotationEnabled: false, ...overrides }), ctx(), settings)).toEqual([]);
  });

  it("makes no claim when the status is unknown", () => {
    expect(codesOf(cmk({ rotationEnabled: null }), ctx(), settings)).toEqual([]);
  });
});

describe("MISSING_TAGS and ALIAS_CONVENTION", () => {
  it("lists the required tags that are missing or blank", () => {
    const findings = keyFindings(cmk({ tags: { owner: "alice", "cost-center": "  ", "Business-Unit": "x" } }), ctx(), settings);
    expect(findings).toEqual([{ code: "MISSING_TAGS", severity: "low", evidence: { missing: ["cost-center", "business-unit"] } }]);
  });

  it("flags a key with no alias matching the convention", () => {
    expect(codesOf(cmk({ aliases: [] }), ctx(), settings)).toEqual(["ALIAS_CONVENTION"]);
    const [finding] = keyFindings(cmk({ aliases: ["alias/payments", "alias/Prod-Payments-DB"] }), ctx(), settings);
    expect(finding).toMatchObject({ code: "ALIAS_CONVENTION", severity: "low", evidence: { aliases: ["alias/payments", "alias/Prod-Payments-DB"] } });
  });

  it("accepts any one matching alias and follows a configured pattern", () => {
    expect(codesOf(cmk({ aliases: ["alias/legacy", "alias/prod-payments-db"] }), ctx(), settings)).toEqual([]);
    expect(codesOf(cmk({ aliases: ["alias/prod-payments-db"] }), ctx(), { ...settings, aliasPattern: "^alias/team-" })).toEqual(["ALIAS_CONVENTION"]);
  });
});

describe("policy findings on the key", () => {
  it("reports PUBLIC_POLICY as critical and BROAD_USAGE as high, with evidence", () => {
    const statement = { Sid: "Everyone", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" };
    const findings = keyFindings(cmk({ policy: { Statement: [statement] } }), ctx(), settings);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([["PUBLIC_POLICY", "critical"], ["BROAD_USAGE", "high"]]);
    expect(findings[0]!.evidence).toMatchObject({ matches: [{ principal: "*", statements: [{ statementIndex: 0, sid: "Everyone", statement }] }] });
  });

  it("skips the analysis when the policy could not be read", () => {
    expect(codesOf(cmk({ policy: null, policyError: "AccessDenied" }), ctx(), settings)).toEqual([]);
  });
});

describe("SHARED_MASTER_KEY", () => {
  const refs = (...pairs: [string, string][]) => pairs.map(([bu, app], i) => ref(`arn:aws:s3:::b${i}`, bu, app));

  it("flags a key protecting resources of two business units", () => {
    const [finding] = keyFindings(cmk(), ctx({ referencingResources: refs(["payments", "ledger"], ["retail", "shop"]) }), settings);
    expect(finding).toEqual({
      code: "SHARED_MASTER_KEY", severity: "medium",
      evidence: { businessUnits: ["payments", "retail"], applications: ["ledger", "shop"], applicationThreshold: 3, resourceCount: 2 },
    });
  });

  it("ignores untagged resources and repeated values", () => {
    expect(codesOf(cmk(), ctx({ referencingResources: refs(["payments", "a"], ["payments", "a"], ["", ""]) }), settings)).toEqual([]);
  });

  it("flags more applications than the threshold, not as many", () => {
    const three = refs(["payments", "a"], ["payments", "b"], ["payments", "c"]);
    expect(codesOf(cmk(), ctx({ referencingResources: three }), settings)).toEqual([]);
    expect(codesOf(cmk(), ctx({ referencingResources: [...three, ...refs(["payments", "d"])] }), settings)).toEqual(["SHARED_MASTER_KEY"]);
  });
});

describe("PENDING_DELETION_IN_USE", () => {
  const pending = cmk({ keyState: "PendingDeletion", deletionDate: new Date("2025-06-07T12:00:00Z"), pendingWindowDays: 7 });

  it("flags a key a database still uses as critical, with days left", () => {
    expect(keyFindings(pending, ctx(), settings)).toEqual([
      { code: "PENDING_DELETION_IN_USE", severity: "critical", evidence: { daysLeft: 7, deletionDate: "2025-06-07T12:00:00.000Z", resourceArns: [DB] } },
    ]);
  });

  it("counts 0 days left once the date has passed", () => {
    const [finding] = keyFindings(pending, ctx({ asOf: new Date("2025-06-08T00:00:00Z") }), settings);
    expect(finding!.evidence.daysLeft).toBe(0);
  });

  it("finds nothing on a key pending deletion that nothing uses", () => {
    expect(keyFindings(pending, ctx({ referencingResources: [], usage: { ...used(0), status: "NEVER_USED", lastUsedAt: null } }), settings)).toEqual([]);
    expect(keyFindings(pending, ctx({ referencingResources: [], usage: used(300) }), settings)).toEqual([]);
  });
});

describe("DISABLED_BILLED", () => {
  it("carries the monthly cost: $1 plus the rotation surcharge capped at 2 rotations", () => {
    const findings = keyFindings(cmk({ keyState: "Disabled", rotationCount: 5 }), ctx(), settings);
    expect(findings).toEqual([{ code: "DISABLED_BILLED", severity: "low", evidence: { monthlyCost: 3 } }]);
  });

  it("uses overridden prices", () => {
    const [finding] = keyFindings(cmk({ keyState: "Disabled", rotationCount: 1 }), ctx(), { ...settings, priceOverrides: { keyMonth: 0.5 } });
    expect(finding!.evidence.monthlyCost).toBe(1.5);
  });
});

describe("UNUSED", () => {
  const idle = (usage: KeyUsageRecord | null, extra: Partial<KeyFindingContext> = {}) =>
    codesOf(cmk(), ctx({ referencingResources: [], usage, ...extra }), settings);

  it("flags a key last used 90 or more days ago that no resource references", () => {
    expect(idle(used(90))).toEqual(["UNUSED"]);
    expect(idle(used(89))).toEqual([]);
  });

  it("does not flag a key a resource still references", () => {
    expect(codesOf(cmk(), ctx({ usage: used(200) }), settings)).toEqual([]);
  });

  it("never reads UNKNOWN or missing usage as unused", () => {
    expect(idle({ ...used(0), status: "UNKNOWN", lastUsedAt: null })).toEqual([]);
    expect(idle(null)).toEqual([]);
  });

  it("needs 90 observed days for a key never used", () => {
    const never = (trackingDaysAgo: number): KeyUsageRecord => ({ ...used(0), status: "NEVER_USED", lastUsedAt: null, trackingStartDate: daysBefore(trackingDaysAgo) });
    expect(idle(never(30))).toEqual([]);
    expect(idle(never(120))).toEqual(["UNUSED"]);
    expect(codesOf(cmk({ creationDate: daysBefore(10) }), ctx({ referencingResources: [], usage: never(400) }), settings)).toEqual([]);
  });

  it("follows unusedKeyDays", () => {
    expect(codesOf(cmk(), ctx({ referencingResources: [], usage: used(45) }), { ...settings, unusedKeyDays: 30 })).toEqual(["UNUSED"]);
  });
});
