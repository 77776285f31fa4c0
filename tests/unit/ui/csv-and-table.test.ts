import { describe, expect, it } from "vitest";
import { csvFileName, toCsv } from "@/lib/export/csv";
import { searchRows, sortRows, type Column } from "@/components/tables/table-model";

interface Key {
  alias: string;
  cost: number | null;
}
const columns: Column<Key>[] = [
  { id: "alias", header: "Alias", value: (r) => r.alias },
  { id: "cost", header: "Cost (USD)", value: (r) => r.cost, align: "right", searchable: false },
];
const rows: Key[] = [
  { alias: "alias/prod-pay-db", cost: 3 },
  { alias: "alias/dev-web-s3", cost: null },
  { alias: "alias/prod-web-s3", cost: 10 },
];

describe("toCsv", () => {
  it("quotes separators, defuses formulas and leaves numbers alone", () => {
    const csv = toCsv(columns, [{ alias: 'a,"b"', cost: 1.5 }, { alias: "=HYPERLINK()", cost: null }]);
    expect(csv).toBe('Alias,Cost (USD)\r\n"a,""b""",1.5\r\n\'=HYPERLINK(),\r\n');
  });
  it("writes money at Cost Explorer's 10 decimals, not float noise nor exponent (1e-10 is written 0.0000000001); a negative number stays a number; tab and CR text is defused", () => {
    const csv = toCsv(columns, [{ alias: "\tx", cost: 0.1 + 0.2 }, { alias: "-a", cost: -1.5 }, { alias: "\ry", cost: 1e-10 }]);
    expect(csv).toBe('Alias,Cost (USD)\r\n\'\tx,0.3\r\n\'-a,-1.5\r\n"\'\ry",0.0000000001\r\n');
  });
  it("names the file after the table and day", () => {
    expect(csvFileName("Non-compliant resources", new Date("2026-03-04T10:00:00Z"))).toBe("non-compliant-resources-2026-03-04.csv");
  });
});

describe("table model", () => {
  it("sorts numbers with missing values last in both directions", () => {
    expect(sortRows(rows, columns, { id: "cost", direction: "desc" }).map((r) => r.cost)).toEqual([10, 3, null]);
    expect(sortRows(rows, columns, { id: "cost", direction: "asc" }).map((r) => r.cost)).toEqual([3, 10, null]);
  });
  it("searches only searchable columns, case-insensitively", () => {
    expect(searchRows(rows, columns, "PROD").map((r) => r.alias)).toEqual(["alias/prod-pay-db", "alias/prod-web-s3"]);
    expect(searchRows(rows, columns, "10")).toEqual([]);
  });
});
