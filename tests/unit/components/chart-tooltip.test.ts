// Tooltip rows: largest value first, ties in series order, missing values left out.
import { describe, expect, it } from "vitest";
import { tooltipRows } from "@/components/charts/chart-tooltip";

describe("tooltipRows", () => {
  it("sorts by value, largest first, and takes each colour from the series", () => {
    const payload = [
      { dataKey: "payments", name: "payments", value: 12.5 },
      { dataKey: "risk", name: "risk", value: 40 },
      { dataKey: "(untagged)", name: "(untagged)", value: 12.5 },
      { dataKey: "data", name: "data", value: undefined },
      { dataKey: "ops", name: "ops", value: 0 },
    ];
    const colors: Record<string, string> = { payments: "#0072B2", risk: "#E69F00", "(untagged)": "#8C8C8C", ops: "#009E73" };
    expect(tooltipRows(payload, (k) => colors[k]!)).toEqual([
      { key: "risk", name: "risk", value: 40, color: "#E69F00" },
      { key: "payments", name: "payments", value: 12.5, color: "#0072B2" },
      { key: "(untagged)", name: "(untagged)", value: 12.5, color: "#8C8C8C" },
      { key: "ops", name: "ops", value: 0, color: "#009E73" },
    ]);
  });
});
