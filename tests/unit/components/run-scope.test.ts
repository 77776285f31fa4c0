import { describe, expect, it } from "vitest";
import { knownScope, scopeBody } from "@/components/runs/run-scope";

describe("run scope", () => {
  it("offers the accounts and regions of the freshness scopes, not the organization-wide cost scope", () => {
    const rows = [
      { accountId: "222222222222", region: "us-east-1", source: "inventory" },
      { accountId: "111111111111", region: "eu-west-1", source: "inventory" },
      { accountId: "111111111111", region: "us-east-1", source: "inventory" },
      { accountId: "organization", region: "global", source: "costs" },
    ];
    expect(knownScope(rows)).toEqual({ accounts: ["111111111111", "222222222222"], regions: ["eu-west-1", "us-east-1"] });
  });

  it("leaves out what is not narrowed: all accounts, all regions", () => {
    expect(scopeBody({ accounts: [], regions: [] })).toEqual({});
    expect(scopeBody({ accounts: ["111111111111"], regions: [] })).toEqual({ accounts: ["111111111111"] });
  });
});
