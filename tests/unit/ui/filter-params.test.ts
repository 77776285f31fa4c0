import { describe, expect, it } from "vitest";
import { filtersToApiParams, filtersToSearch, parseFilters } from "@/components/filters/filter-params";

describe("parseFilters", () => {
  it("keeps valid filters and reports each bad one by name", () => {
    const { filters, problems } = parseFilters(new URLSearchParams("from=2026-02-01&to=2026-02-30&account=12345&region=us-east-1&bu=Payments"));
    expect(filters).toEqual({ from: "2026-02-01", region: "us-east-1", bu: "Payments" });
    expect(problems.map((p) => p.param)).toEqual(["to", "account"]);
    expect(problems[0]!.message).toBe("is not a calendar date");
  });

  it("drops a reversed range instead of asking the API for nothing", () => {
    const { filters, problems } = parseFilters({ from: "2026-03-01", to: "2026-01-01" });
    expect(filters).toEqual({});
    expect(problems).toHaveLength(1);
  });

  it("round-trips through the URL in a fixed order and maps to API names", () => {
    const filters = { env: "prod", account: "111122223333", from: "2026-01-01" };
    expect(filtersToSearch(filters)).toBe("?from=2026-01-01&account=111122223333&env=prod");
    expect(parseFilters(new URLSearchParams(filtersToSearch(filters).slice(1))).filters).toEqual(filters);
    expect(filtersToApiParams(filters, ["account", "region", "env"])).toEqual({ account: "111122223333", env: "prod" });
  });
});
