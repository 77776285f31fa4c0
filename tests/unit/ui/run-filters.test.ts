// The Runs page's account and region filters over its per-account-region rows (issue 19).
import { describe, expect, it } from "vitest";
import { inScope } from "@/components/runs/run-filters";

const A = "111111111111";
const B = "222222222222";

describe("inScope", () => {
  it("keeps every row without a filter", () => {
    expect(inScope({ accountId: B, region: "eu-west-1" }, {})).toBe(true);
  });

  it("keeps the filtered account-region and drops the others", () => {
    const filters = { account: A, region: "us-east-1" };
    expect(inScope({ accountId: A, region: "us-east-1" }, filters)).toBe(true);
    expect(inScope({ accountId: A, region: "eu-west-1" }, filters)).toBe(false);
    expect(inScope({ accountId: B, region: "us-east-1" }, filters)).toBe(false);
  });

  it("keeps rows that concern every account or region: whole-run warnings, the organization's and the global cost scope", () => {
    expect(inScope({ accountId: null, region: null }, { account: A })).toBe(true);
    expect(inScope({ accountId: "organization", region: "global" }, { account: A, region: "us-east-1" })).toBe(true);
    // The costs of account A (Cost Explorer is not regional) under a region filter; not under B.
    expect(inScope({ accountId: A, region: "global" }, { region: "us-east-1" })).toBe(true);
    expect(inScope({ accountId: A, region: "global" }, { account: B })).toBe(false);
  });
});
