import { describe, expect, it } from "vitest";
import { describeFinding, FINDING_FIX } from "@/lib/kpi/finding-text";
import { FINDING_SEVERITY } from "@/lib/kpi/key-findings";

// The evidence lib/kpi/key-findings.ts stores, said in words (issue 19 item 5).

describe("describeFinding", () => {
  it("says how many applications share a key against the threshold, and which BUs", () => {
    const shared = describeFinding("SHARED_MASTER_KEY", {
      businessUnits: ["payments", "retail"],
      applications: ["billing", "checkout", "ledger", "search"],
      applicationThreshold: 3,
      resourceCount: 12,
    });
    expect(shared.evidenceText).toBe(
      "Used by 4 applications, threshold 3 (billing, checkout, ledger, search); protects resources of 2 business units (payments, retail); 12 resources",
    );
    expect(shared.fix).toBe(FINDING_FIX.SHARED_MASTER_KEY);
  });

  it("leaves out the application part when only the business units make the key shared", () => {
    expect(describeFinding("SHARED_MASTER_KEY", { businessUnits: ["a", "b"], applications: ["x"], applicationThreshold: 3, resourceCount: 2 }).evidenceText).toBe(
      "Protects resources of 2 business units (a, b); 2 resources",
    );
  });

  it("names the principal, the reason and each statement (1-based, Sid, body) behind a policy finding", () => {
    const statement = { Sid: "Open", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" };
    const text = describeFinding("PUBLIC_POLICY", {
      matches: [{ principal: "*", reason: "Allow to every principal without a restricting condition", statements: [{ statementIndex: 1, sid: "Open", statement }] }],
    }).evidenceText;
    expect(text).toBe(`Principal *: Allow to every principal without a restricting condition; statement #2 (Sid Open) ${JSON.stringify(statement)}`);
  });

  it("tells the deletion date and the resources still on a key pending deletion", () => {
    expect(
      describeFinding("PENDING_DELETION_IN_USE", { daysLeft: 1, deletionDate: "2026-12-07T10:00:00.000Z", resourceArns: ["arn:aws:s3:::a", "arn:aws:s3:::b"] }).evidenceText,
    ).toBe("Deleted in 1 day (2026-12-07); still used by 2 resources: arn:aws:s3:::a, arn:aws:s3:::b");
  });

  it("words the hygiene and money findings", () => {
    expect(describeFinding("MISSING_TAGS", { missing: ["owner", "cost-center"] }).evidenceText).toBe("Missing required tags: owner, cost-center");
    expect(describeFinding("ALIAS_CONVENTION", { aliases: [], pattern: "^alias/(dev|prod)-" }).evidenceText).toBe("No alias matches ^alias/(dev|prod)-; the key has no alias");
    expect(describeFinding("DISABLED_BILLED", { monthlyCost: 3 }).evidenceText).toBe("Disabled, still billed $3.00 per month");
    expect(describeFinding("UNUSED", { unusedKeyDays: 90, usageStatus: "NEVER_USED", lastUsedAt: null }).evidenceText).toBe(
      "No cryptographic use for 90 days or more (never used); no resource references it",
    );
    expect(describeFinding("ROTATION_DISABLED", { keySpec: "SYMMETRIC_DEFAULT", origin: "AWS_KMS" }).evidenceText).toBe(
      "Automatic rotation is off on a SYMMETRIC_DEFAULT key with AWS_KMS key material",
    );
  });

  it("has a fix for every finding code, and passes an unknown code's evidence through", () => {
    expect(Object.keys(FINDING_FIX).sort()).toEqual(Object.keys(FINDING_SEVERITY).sort());
    expect(describeFinding("SOMETHING_NEW", { a: 1 })).toEqual({ evidenceText: '{"a":1}', fix: "" });
  });
});
