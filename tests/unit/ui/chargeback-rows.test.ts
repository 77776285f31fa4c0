// The JS half of the chargeback export: month shares and period parsing. The rows themselves are
// written by Postgres (COPY); tests/integration/api/chargeback-export.test.ts checks their bytes.
import { describe, expect, it } from "vitest";
import { sharesFromTotals } from "@/lib/export/chargeback-rows";
import { periodEnd, periodStart } from "@/lib/export/chargeback-params";
import { directCopySql, proportionalCopySql } from "@/lib/export/chargeback-sql";

describe("chargeback shares", () => {
  it("weights each month's tagged business units by their cost, ignoring untagged and non-positive cost", () => {
    const shares = sharesFromTotals([
      { month: "2026-02", businessUnit: "Retail", cost: 1 },
      { month: "2026-02", businessUnit: "Payments", cost: 3 },
      { month: "2026-02", businessUnit: "", cost: 5 },
      { month: "2026-02", businessUnit: "Refunds", cost: -2 },
      { month: "2026-03", businessUnit: "Retail", cost: 2 },
    ]);
    expect([...shares]).toEqual([
      ["2026-02", [{ businessUnit: "Payments", share: 0.75 }, { businessUnit: "Retail", share: 0.25 }]],
      ["2026-03", [{ businessUnit: "Retail", share: 1 }]],
    ]);
  });

  it("expands months to whole calendar months", () => {
    expect([periodStart("2024-02"), periodEnd("2024-02"), periodEnd("2026-12-15"), periodStart("2026-12-15"), periodEnd("2026-13"), periodEnd("2026-02-30")]).toEqual(["2024-02-01", "2024-02-29", "2026-12-31", "2026-12-01", null, null]);
  });
});

describe("chargeback COPY statement", () => {
  const q = { fromDay: "2026-02-01", toDay: "2026-02-28" };

  it("quotes free-text filters as SQL literals", () => {
    const sql = directCopySql({ ...q, region: "eu'; DROP TABLE account; --", businessUnit: "Pay\\ments" });
    expect(sql).toContain(`c.region = 'eu''; DROP TABLE account; --'`);
    expect(sql).toContain(`c.business_unit =  E'Pay\\\\ments'`);
    const prop = proportionalCopySql(q, new Map([["2026-02", [{ businessUnit: "O'Hara", share: 1 }]]]), "O'Hara");
    expect(prop).toContain(`ARRAY['O''Hara']::text[]`);
    expect(prop).toContain(`coalesce(p.bu, CASE WHEN c.business_unit = '' THEN '(untagged)' ELSE c.business_unit END) = 'O''Hara'`);
  });

  it("refuses values it would have to splice in unquoted", () => {
    expect(() => directCopySql({ ...q, fromDay: "2026-02-01'" })).toThrow(/not a day/);
    expect(() => directCopySql({ ...q, accountId: "1 OR 1=1" })).toThrow(/not an account id/);
    expect(() => proportionalCopySql(q, new Map([["2026-02'", [{ businessUnit: "x", share: 1 }]]]))).toThrow(/not a month/);
  });
});
