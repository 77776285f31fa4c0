// URL state of issue 19: range presets, unknown parameters, the old ?team= name, the query the
// navigation carries. Days computed by hand from a pinned "today".
import { describe, expect, it } from "vitest";
import { filtersToSearch, parseFilters } from "@/components/filters/filter-params";
import { legacyTeamRedirect } from "@/components/filters/legacy-params";
import { presetRange, previousPeriod } from "@/components/filters/time-range";

describe("presetRange", () => {
  it("resolves each preset against today, ends inclusive", () => {
    expect(presetRange("30d", "2026-12-05")).toEqual({ from: "2026-11-06", to: "2026-12-05" });
    expect(presetRange("last-month", "2026-12-05")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    // January: the last full month is the previous year's December.
    expect(presetRange("last-month", "2027-01-01")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(presetRange("last-month", "2028-03-15")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(presetRange("quarter", "2026-12-05")).toEqual({ from: "2026-10-01", to: "2026-12-05" });
    expect(presetRange("quarter", "2026-04-01")).toEqual({ from: "2026-04-01", to: "2026-04-01" });
    expect(presetRange("13m", "2026-12-05")).toEqual({ from: "2025-12-01", to: "2026-12-05" });
  });

  it("gives the previous period of the same length", () => {
    expect(previousPeriod({ from: "2026-11-06", to: "2026-12-05" })).toEqual({ from: "2026-10-07", to: "2026-11-05" });
    expect(previousPeriod({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ from: "2026-10-02", to: "2026-10-31" });
  });
});

describe("parseFilters: issue 19", () => {
  it("turns a preset into its days and keeps the preset in the link", () => {
    const { filters, problems } = parseFilters(new URLSearchParams("range=last-month&bu=Payments"), "2026-12-05");
    expect(filters).toEqual({ range: "last-month", from: "2026-11-01", to: "2026-11-30", bu: "Payments" });
    expect(problems).toEqual([]);
    expect(filtersToSearch(filters)).toBe("?bu=Payments&range=last-month");
  });

  it("reports dates beside a preset and an unknown preset", () => {
    expect(parseFilters({ range: "30d", from: "2026-01-01" }, "2026-12-05").problems).toEqual([{ param: "from", value: "2026-01-01", message: "is ignored: range=30d sets the dates" }]);
    const bad = parseFilters({ range: "ytd" }, "2026-12-05");
    expect(bad.filters).toEqual({});
    expect(bad.problems).toEqual([{ param: "range", value: "ytd", message: "must be one of 30d, last-month, quarter, 13m" }]);
  });

  it("reports an unknown parameter like a malformed one, and keeps the page's own ones", () => {
    const { filters, problems } = parseFilters(new URLSearchParams("bu_=Payments&sort=-cost&page=2&table=chart-coverage&group=account&service=S3"), "2026-12-05");
    expect(filters).toEqual({ service: "S3" });
    expect(problems).toEqual([{ param: "bu_", value: "Payments", message: "is not a parameter of this dashboard" }]);
    expect(parseFilters({ service: "DynamoDB" }).problems[0]).toEqual({ param: "service", value: "DynamoDB", message: "must be one of S3, EBS, RDS, AURORA" });
  });
});

describe("legacyTeamRedirect", () => {
  it("renames ?team= to ?bu= and keeps the rest; nothing to do without team", () => {
    expect(legacyTeamRedirect("/teams", { team: "Payments & Co", range: "30d" })).toBe("/teams?range=30d&bu=Payments+%26+Co");
    // An explicit bu wins over the old name.
    expect(legacyTeamRedirect("/teams", { team: "A", bu: "B" })).toBe("/teams?bu=B");
    expect(legacyTeamRedirect("/teams", { team: "" })).toBe("/teams");
    expect(legacyTeamRedirect("/teams", { bu: "B" })).toBeNull();
  });
});
