import { beforeEach, describe, expect, it } from "vitest";
import { mockClient } from "aws-sdk-client-mock";
import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeOrganizationalUnitCommand, ListAccountsCommand, ListParentsCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { assumeRoleCredentials, collectAccounts, collectRegions, isIngestible, roleArnFor } from "@/jobs/collectors/accounts";

const org = mockClient(OrganizationsClient);
const ec2 = mockClient(EC2Client);
const sts = mockClient(STSClient);
const awsError = (name: string) => Object.assign(new Error(name), { name });

beforeEach(() => {
  org.reset();
  ec2.reset();
  sts.reset();
});

describe("collectAccounts", () => {
  const clients = { organizations: new OrganizationsClient({}) };

  it("uses configured accounts without calling Organizations", async () => {
    const out = await collectAccounts(clients, [{ accountId: "111122223333", name: "prod" }]);
    expect(out.accounts).toEqual([{ accountId: "111122223333", name: "prod", organizationalUnit: "" }]);
    expect(org.calls()).toHaveLength(0);
  });

  it("pages ListAccounts and names each account's OU, describing each OU once", async () => {
    org.on(ListAccountsCommand)
      .resolvesOnce({ Accounts: [{ Id: "111111111111", Name: "a", Status: "ACTIVE" }, { Id: "222222222222", Name: "b", Status: "ACTIVE" }], NextToken: "n2" })
      .resolvesOnce({ Accounts: [{ Id: "333333333333", Name: "c", Status: "SUSPENDED" }] });
    org.on(ListParentsCommand, { ChildId: "111111111111" }).resolves({ Parents: [{ Id: "ou-1", Type: "ORGANIZATIONAL_UNIT" }] });
    org.on(ListParentsCommand, { ChildId: "222222222222" }).resolves({ Parents: [{ Id: "ou-1", Type: "ORGANIZATIONAL_UNIT" }] });
    org.on(ListParentsCommand, { ChildId: "333333333333" }).resolves({ Parents: [{ Id: "r-root", Type: "ROOT" }] });
    org.on(DescribeOrganizationalUnitCommand).resolves({ OrganizationalUnit: { Id: "ou-1", Name: "Payments" } });

    const out = await collectAccounts(clients);
    expect(out.accounts.map((a) => [a.accountId, a.organizationalUnit, isIngestible(a)])).toEqual([
      ["111111111111", "Payments", true],
      ["222222222222", "Payments", true],
      ["333333333333", "", false],
    ]);
    expect(org.commandCalls(DescribeOrganizationalUnitCommand)).toHaveLength(1);
  });

  it("leaves OUs empty with one warning when they are not readable", async () => {
    org.on(ListAccountsCommand).resolves({ Accounts: [{ Id: "111111111111" }, { Id: "222222222222" }] });
    org.on(ListParentsCommand).rejects(awsError("AccessDeniedException"));
    const out = await collectAccounts(clients);
    expect(out.accounts.map((a) => a.organizationalUnit)).toEqual(["", ""]);
    expect(out.warnings.map((w) => w.code)).toEqual(["OU_NOT_READABLE"]);
    expect(org.commandCalls(ListParentsCommand)).toHaveLength(1);
  });
});

describe("collectRegions", () => {
  const clients = { ec2: new EC2Client({}) };
  const regions = [
    { RegionName: "eu-west-1", OptInStatus: "opt-in-not-required" },
    { RegionName: "us-east-1", OptInStatus: "opt-in-not-required" },
    { RegionName: "af-south-1", OptInStatus: "not-opted-in" },
    { RegionName: "me-south-1", OptInStatus: "opted-in" },
  ];

  it("skips regions the account has not opted in to, with a note", async () => {
    ec2.on(DescribeRegionsCommand).resolves({ Regions: regions });
    const out = await collectRegions(clients, "111122223333");
    expect(out.regions).toEqual(["eu-west-1", "me-south-1", "us-east-1"]);
    expect(out.skipped).toEqual([{ region: "af-south-1", reason: "not opted in for this account" }]);
  });

  it("checks configured regions too, and keeps them unchecked with a warning if it cannot", async () => {
    ec2.on(DescribeRegionsCommand).resolves({ Regions: regions.filter((r) => r.RegionName !== "us-east-1") });
    const out = await collectRegions(clients, "111122223333", ["eu-west-1", "af-south-1"]);
    expect(out.regions).toEqual(["eu-west-1"]); // me-south-1 is enabled but not configured
    expect(out.skipped.map((s) => s.region)).toEqual(["af-south-1"]);

    ec2.on(DescribeRegionsCommand).rejects(awsError("UnauthorizedOperation"));
    const fallback = await collectRegions(clients, "111122223333", ["eu-west-1"]);
    expect(fallback).toMatchObject({ regions: ["eu-west-1"], warnings: [expect.objectContaining({ code: "UnauthorizedOperation" })] });
  });
});

describe("assumeRoleCredentials", () => {
  it("assumes the role with the external id and refreshes only near expiry", async () => {
    let now = Date.parse("2025-06-01T00:00:00Z");
    const expiration = new Date(now + 3600_000);
    sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: "AK", SecretAccessKey: "SK", SessionToken: "ST", Expiration: expiration } });
    const provider = assumeRoleCredentials(new STSClient({}), { accountId: "111122223333", roleName: "KmsFinopsReadOnly", externalId: "ext-1" }, () => now);

    expect(await provider()).toMatchObject({ accessKeyId: "AK", sessionToken: "ST", accountId: "111122223333" });
    now += 50 * 60_000; // 10 minutes left: still fresh
    await provider();
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
    now += 6 * 60_000; // 4 minutes left: refresh
    await provider();
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(2);
    expect(sts.commandCalls(AssumeRoleCommand)[0]!.args[0].input).toMatchObject({
      RoleArn: "arn:aws:iam::111122223333:role/KmsFinopsReadOnly",
      ExternalId: "ext-1",
    });
  });

  it("builds role ARNs with paths and partitions", () => {
    expect(roleArnFor({ accountId: "111122223333", roleName: "/finops/Reader", partition: "aws-cn" })).toBe("arn:aws-cn:iam::111122223333:role/finops/Reader");
  });
});
