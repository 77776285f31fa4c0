import { describe, expect, it } from "vitest";
import { analyzeKeyPolicy, type PolicyFinding } from "@/lib/kpi/key-policy";
import { ACCOUNT, OTHER_ACCOUNT, rootPolicy } from "./fixtures";

const ROLE = `arn:aws:iam::${ACCOUNT}:role/payments-app`;
const ADMIN = `arn:aws:iam::${ACCOUNT}:role/key-admin`;
const policy = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
const codes = (findings: PolicyFinding[]) => findings.map((f) => f.code);
const find = (findings: PolicyFinding[], code: string) => findings.find((f) => f.code === code);
const rootStatement = rootPolicy.Statement[0]!;

// The AWS console's default policy: root, key administrators, key users (with grants for AWS resources).
const adminStatement = (principal: string) => ({
  Sid: "Allow access for Key Administrators",
  Effect: "Allow",
  Principal: { AWS: principal },
  Action: ["kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*",
    "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"],
  Resource: "*",
});
const userStatement = (principal: string) => ({
  Sid: "Allow use of the key",
  Effect: "Allow",
  Principal: { AWS: principal },
  Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
  Resource: "*",
});
const grantStatement = (principal: string) => ({
  Sid: "Allow attachment of persistent resources",
  Effect: "Allow",
  Principal: { AWS: principal },
  Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
  Resource: "*",
  Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
});

describe("analyzeKeyPolicy: fine policies", () => {
  it("accepts the account-root kms:* statement (the default key policy)", () => {
    expect(analyzeKeyPolicy(rootPolicy, ACCOUNT)).toEqual([]);
  });

  it("accepts the root given as a bare account id, a single statement object and a JSON string", () => {
    const doc = { Statement: { Effect: "Allow", Principal: { AWS: ACCOUNT }, Action: "kms:*", Resource: "*" } };
    expect(analyzeKeyPolicy(doc, ACCOUNT)).toEqual([]);
    expect(analyzeKeyPolicy(JSON.stringify(doc), ACCOUNT)).toEqual([]);
  });

  it("accepts the console default with separate administrators and users", () => {
    const doc = policy(rootStatement, adminStatement(ADMIN), userStatement(ROLE), grantStatement(ROLE));
    expect(analyzeKeyPolicy(doc, ACCOUNT)).toEqual([]);
  });

  it("accepts a service principal that may decrypt", () => {
    const doc = policy(rootStatement, { Effect: "Allow", Principal: { Service: "logs.us-east-1.amazonaws.com" }, Action: ["kms:Encrypt*", "kms:Decrypt*"], Resource: "*" });
    expect(analyzeKeyPolicy(doc, ACCOUNT)).toEqual([]);
  });

  it("accepts Principal * limited by aws:PrincipalOrgID for non-decrypt actions", () => {
    const doc = policy(rootStatement, {
      Effect: "Allow", Principal: "*", Action: ["kms:DescribeKey", "kms:GetPublicKey"], Resource: "*",
      Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123def4" } },
    });
    expect(analyzeKeyPolicy(doc, ACCOUNT)).toEqual([]);
  });

  it("returns nothing for a document that is not a policy", () => {
    expect(analyzeKeyPolicy("not json", ACCOUNT)).toEqual([]);
    expect(analyzeKeyPolicy({ Statement: [42, { Effect: "Maybe" }] }, ACCOUNT)).toEqual([]);
  });
});

describe("analyzeKeyPolicy: PUBLIC_POLICY", () => {
  it("flags Principal * without a condition, with the statement as evidence", () => {
    const open = { Sid: "OpenDoor", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" };
    const findings = analyzeKeyPolicy(policy(rootStatement, open), ACCOUNT);
    expect(codes(findings)).toEqual(["PUBLIC_POLICY", "BROAD_USAGE"]);
    expect(find(findings, "PUBLIC_POLICY")!.evidence).toEqual([
      { principal: "*", reason: expect.any(String), statements: [{ statementIndex: 1, sid: "OpenDoor", statement: open }] },
    ]);
  });

  it("flags {AWS: *} and an Allow with NotPrincipal", () => {
    expect(codes(analyzeKeyPolicy(policy({ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:DescribeKey", Resource: "*" }), ACCOUNT))).toEqual(["PUBLIC_POLICY"]);
    expect(codes(analyzeKeyPolicy(policy({ Effect: "Allow", NotPrincipal: { AWS: ADMIN }, Action: "kms:DescribeKey", Resource: "*" }), ACCOUNT))).toEqual(["PUBLIC_POLICY"]);
  });

  it.each([
    ["an IfExists operator", { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-abc123def4" } }],
    ["a negated operator on the Allow", { StringNotEquals: { "aws:PrincipalOrgID": "o-abc123def4" } }],
    ["a wildcard value", { StringLike: { "aws:PrincipalAccount": "*" } }],
    ["a wildcard account in aws:PrincipalArn", { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/admin" } }],
    ["an unrelated condition key", { StringEquals: { "kms:EncryptionContext:app": "ledger" } }],
  ])("is not restricted by %s", (_name, Condition) => {
    const doc = policy({ Effect: "Allow", Principal: "*", Action: "kms:DescribeKey", Resource: "*", Condition });
    expect(codes(analyzeKeyPolicy(doc, ACCOUNT))).toEqual(["PUBLIC_POLICY"]);
  });

  it.each([
    ["aws:PrincipalAccount", { StringEquals: { "aws:PrincipalAccount": ACCOUNT } }],
    ["kms:CallerAccount + kms:ViaService", { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": "s3.us-east-1.amazonaws.com" } }],
    ["aws:SourceAccount", { StringEquals: { "aws:SourceAccount": ACCOUNT } }],
    ["aws:PrincipalArn in the account", { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${ACCOUNT}:role/app-*` } }],
  ])("is restricted by %s", (_name, Condition) => {
    const doc = policy({ Effect: "Allow", Principal: "*", Action: "kms:DescribeKey", Resource: "*", Condition });
    expect(analyzeKeyPolicy(doc, ACCOUNT)).toEqual([]);
  });

  it("is restricted by a Deny on * unless the caller is in the organization", () => {
    const doc = policy(
      { Effect: "Allow", Principal: "*", Action: "kms:DescribeKey", Resource: "*" },
      { Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-abc123def4" } } },
    );
    expect(analyzeKeyPolicy(doc, ACCOUNT)).toEqual([]);
  });
});

describe("analyzeKeyPolicy: BROAD_USAGE", () => {
  it("flags kms:Decrypt to another account's root and to a role of another account", () => {
    const crossRole = `arn:aws:iam::${OTHER_ACCOUNT}:role/reader`;
    const doc = policy(rootStatement,
      { Sid: "CrossRoot", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, Action: "kms:Decrypt", Resource: "*" },
      { Sid: "CrossRole", Effect: "Allow", Principal: { AWS: [crossRole] }, Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*" });
    const findings = analyzeKeyPolicy(doc, ACCOUNT);
    expect(codes(findings)).toEqual(["BROAD_USAGE"]);
    const evidence = find(findings, "BROAD_USAGE")!.evidence;
    expect(evidence.map((e) => [e.principal, e.statements[0]!.statementIndex, e.statements[0]!.sid])).toEqual([
      [`arn:aws:iam::${OTHER_ACCOUNT}:root`, 1, "CrossRoot"],
      [crossRole, 2, "CrossRole"],
    ]);
  });

  it("flags Principal * within the account (kms:CallerAccount) when it can decrypt", () => {
    const doc = policy({ Effect: "Allow", Principal: { AWS: "*" }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*",
      Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT } } });
    expect(codes(analyzeKeyPolicy(doc, ACCOUNT))).toEqual(["BROAD_USAGE"]);
  });

  it("flags kms:Decrypt through a wildcard role ARN", () => {
    const doc = policy({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/*` }, Action: "kms:Decrypt", Resource: "*" });
    const findings = analyzeKeyPolicy(doc, ACCOUNT);
    expect(codes(findings)).toEqual(["BROAD_USAGE"]);
    expect(find(findings, "BROAD_USAGE")!.evidence[0]!.reason).toMatch(/wildcard/);
  });

  it("does not flag kms:Decrypt to one role of the key's account", () => {
    expect(analyzeKeyPolicy(policy(rootStatement, userStatement(ROLE)), ACCOUNT)).toEqual([]);
  });

  it("flags kms:* and * to a role of the key's account", () => {
    for (const Action of ["kms:*", "*"]) {
      const findings = analyzeKeyPolicy(policy(rootStatement, { Effect: "Allow", Principal: { AWS: ROLE }, Action, Resource: "*" }), ACCOUNT);
      expect(codes(findings)).toEqual(["BROAD_USAGE", "NO_SEPARATION_OF_DUTIES"]);
    }
  });
});

describe("analyzeKeyPolicy: NO_SEPARATION_OF_DUTIES", () => {
  it("flags one role that is both key administrator and key user, citing both statements", () => {
    const doc = policy(rootStatement, adminStatement(ROLE), userStatement(ROLE));
    const findings = analyzeKeyPolicy(doc, ACCOUNT);
    expect(codes(findings)).toEqual(["NO_SEPARATION_OF_DUTIES"]);
    const [evidence] = find(findings, "NO_SEPARATION_OF_DUTIES")!.evidence;
    expect(evidence!.principal).toBe(ROLE);
    expect(evidence!.statements.map((s) => s.statementIndex)).toEqual([1, 2]);
    expect(evidence!.reason).toContain("ScheduleKeyDeletion");
    expect(evidence!.reason).toContain("Decrypt");
  });

  it("does not count Get* or grants for AWS resources as administration", () => {
    const doc = policy(rootStatement, userStatement(ROLE), grantStatement(ROLE),
      { Effect: "Allow", Principal: { AWS: ROLE }, Action: ["kms:Get*", "kms:List*"], Resource: "*" });
    expect(analyzeKeyPolicy(doc, ACCOUNT)).toEqual([]);
  });

  it("counts CreateGrant without the AWS-resource condition as administration", () => {
    const doc = policy(userStatement(ROLE), { Effect: "Allow", Principal: { AWS: ROLE }, Action: "kms:CreateGrant", Resource: "*" });
    expect(codes(analyzeKeyPolicy(doc, ACCOUNT))).toEqual(["NO_SEPARATION_OF_DUTIES"]);
  });

  it("reads NotAction conservatively: everything but the listed actions", () => {
    const doc = policy({ Effect: "Allow", Principal: { AWS: ROLE }, NotAction: ["kms:Decrypt"], Resource: "*" });
    const duties = find(analyzeKeyPolicy(doc, ACCOUNT), "NO_SEPARATION_OF_DUTIES");
    expect(duties!.evidence[0]!.reason).toContain("Encrypt");
    expect(duties!.evidence[0]!.reason).not.toMatch(/\bDecrypt\b/);
  });

  it("applies an unconditional Deny of the admin actions", () => {
    const doc = policy(
      { Effect: "Allow", Principal: { AWS: ROLE }, Action: ["kms:Put*", "kms:Decrypt"], Resource: "*" },
      { Effect: "Deny", Principal: { AWS: ROLE }, Action: "kms:Put*", Resource: "*" },
    );
    expect(analyzeKeyPolicy(doc, ACCOUNT)).toEqual([]);
  });

  it("does not flag the account root", () => {
    expect(analyzeKeyPolicy(policy(adminStatement(`arn:aws:iam::${ACCOUNT}:root`), userStatement(ACCOUNT)), ACCOUNT)).toEqual([]);
  });
});

describe("analyzeKeyPolicy: Deny with NotPrincipal", () => {
  // A real KMS shape: "deny everything but the break-glass admin" - the Deny reaches every
  // principal NOT listed, never the listed ones.
  const denyAllBut = (NotPrincipal: unknown, Action: string | string[]) => ({ Sid: "DenyAllButAdmin", Effect: "Deny", NotPrincipal, Action, Resource: "*" });

  it("does not apply to the principals it exempts ({AWS: [..]} form)", () => {
    const doc = policy(rootStatement, adminStatement(ADMIN), userStatement(ADMIN),
      denyAllBut({ AWS: [ADMIN, `arn:aws:iam::${ACCOUNT}:root`] }, ["kms:Put*", "kms:ScheduleKeyDeletion"]));
    const duties = find(analyzeKeyPolicy(doc, ACCOUNT), "NO_SEPARATION_OF_DUTIES");
    expect(duties!.evidence.map((e) => e.principal)).toEqual([ADMIN]);
    expect(duties!.evidence[0]!.reason).toContain("PutKeyPolicy");
    expect(duties!.evidence[0]!.reason).toContain("ScheduleKeyDeletion");
  });

  it("does not apply to the exempted principal given as a plain string", () => {
    const doc = policy(adminStatement(ADMIN), userStatement(ADMIN), denyAllBut({ AWS: ADMIN }, "kms:*"));
    expect(codes(analyzeKeyPolicy(doc, ACCOUNT))).toEqual(["NO_SEPARATION_OF_DUTIES"]);
  });

  it("applies to every principal not listed", () => {
    const doc = policy(adminStatement(ROLE), userStatement(ROLE), denyAllBut({ AWS: [ADMIN] }, ["kms:Put*", "kms:Create*", "kms:Update*", "kms:Disable*", "kms:Delete*", "kms:ScheduleKeyDeletion"]));
    expect(analyzeKeyPolicy(doc, ACCOUNT)).toEqual([]);
  });
});
