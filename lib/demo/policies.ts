// Key policies as AWS writes them: the console default for a CMK, the default policy of an AWS
// managed key, and the bad statements DOMAIN.md §6.3 looks for.

export type PolicyFlaw = "public" | "broad" | "noSeparation";

type Statement = Record<string, unknown>;

const ADMIN_ACTIONS = [
  "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*",
  "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource",
  "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion",
];
const USE_ACTIONS = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"];

function rootStatement(accountId: string): Statement {
  return {
    Sid: "Enable IAM User Permissions",
    Effect: "Allow",
    Principal: { AWS: `arn:aws:iam::${accountId}:root` },
    Action: "kms:*",
    Resource: "*",
  };
}

function flawStatement(flaw: PolicyFlaw, accountId: string, app: string): Statement {
  switch (flaw) {
    case "public":
      // Anyone, anywhere: no aws:PrincipalOrgID / SourceAccount / CallerAccount condition.
      return { Sid: "AllowPartnerDecrypt", Effect: "Allow", Principal: { AWS: "*" }, Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*" };
    case "broad":
      // Restricted to the account, but every principal in it may decrypt.
      return {
        Sid: "AllowAccountWideDecrypt",
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
        Resource: "*",
        Condition: { StringEquals: { "kms:CallerAccount": accountId } },
      };
    case "noSeparation":
      return {
        Sid: "AllowAppTeamFullControl",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${accountId}:role/${app}-deployer` },
        Action: ["kms:Put*", "kms:ScheduleKeyDeletion", "kms:Disable*", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*"],
        Resource: "*",
      };
  }
}

/** A CMK policy: root statement, key administrators, the application role as user, plus flaws. */
export function customerKeyPolicy(accountId: string, app: string, flaws: readonly PolicyFlaw[], minimal = false): unknown {
  const statements: Statement[] = [rootStatement(accountId)];
  if (!minimal) {
    statements.push(
      { Sid: "Allow access for Key Administrators", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:role/KMSKeyAdmin` }, Action: ADMIN_ACTIONS, Resource: "*" },
      { Sid: "Allow use of the key", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:role/${app}-service` }, Action: USE_ACTIONS, Resource: "*" },
      {
        Sid: "Allow attachment of persistent resources",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${accountId}:role/${app}-service` },
        Action: ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
        Resource: "*",
        Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
      },
    );
  }
  for (const flaw of flaws) statements.push(flawStatement(flaw, accountId, app));
  return { Version: "2012-10-17", Id: minimal ? "key-default-1" : "key-consolepolicy-3", Statement: statements };
}

/** The policy AWS attaches to aws/s3, aws/ebs, aws/rds: usable only through the service, in the account. */
export function awsManagedKeyPolicy(accountId: string, region: string, service: "s3" | "ec2" | "rds"): unknown {
  const label = service === "ec2" ? "EBS" : service.toUpperCase();
  return {
    Version: "2012-10-17",
    Id: `auto-${service === "ec2" ? "ebs" : service}-2`,
    Statement: [
      {
        Sid: `Allow access through ${label} for all principals in the account that are authorized to use ${label}`,
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"],
        Resource: "*",
        Condition: { StringEquals: { "kms:CallerAccount": accountId, "kms:ViaService": `${service}.${region}.amazonaws.com` } },
      },
      {
        Sid: "Allow direct access to key metadata to the account",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: ["kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant"],
        Resource: "*",
      },
    ],
  };
}
