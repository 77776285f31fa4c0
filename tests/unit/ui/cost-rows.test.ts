// The Costs page's chart of GET /api/costs/by-bu rows: usage per month and group, computed by
// hand for three rows.
import { describe, expect, it } from "vitest";
import { costByMonth, type CostRow } from "@/components/costs/cost-rows";

const row = (period: string, group: string, keys: number, requests: number, other = 0): CostRow => ({
  period, group, businessUnit: group, keys, requests, other, total: keys + requests + other,
  credits: 0, tax: 0, corrections: 0, adjustments: 0, net: keys + requests + other, costSource: "CostExplorer", billStatus: null,
});

const rows = [row("2026-02-01", "payments", 2, 0.5), row("2026-02-01", "(untagged)", 1, 0, 0.25), row("2026-03-01", "payments", 3, 1)];

describe("cost rows", () => {
  it("pivot usage per month and group, (untagged) last and gaps filled with 0", () => {
    expect(costByMonth(rows)).toEqual({
      seriesNames: ["payments", "(untagged)"],
      data: [
        { x: "2026-02", payments: 2.5, "(untagged)": 1.25 },
        { x: "2026-03", payments: 4, "(untagged)": 0 },
      ],
    });
  });
});
