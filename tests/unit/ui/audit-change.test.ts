import { describe, expect, it } from "vitest";
import { changeLines } from "@/components/admin/audit-change";

describe("audit before/after as lines", () => {
  it("shows only the fields that changed, strings bare and the rest as JSON", () => {
    expect(changeLines({ unusedKeyDays: 90, targets: { mttpDays: 7 }, aliasPattern: "^alias/" }, { unusedKeyDays: 45, targets: { mttpDays: 5 }, aliasPattern: "^alias/" })).toEqual([
      { field: "unusedKeyDays", before: "90", after: "45" },
      { field: "targets", before: '{"mttpDays":7}', after: '{"mttpDays":5}' },
    ]);
  });

  it("gives a created thing its fields, a removed one its old values", () => {
    expect(changeLines(null, { name: "ci", role: "finops" })).toEqual([
      { field: "name", before: null, after: "ci" },
      { field: "role", before: null, after: "finops" },
    ]);
    expect(changeLines({ role: "admin" }, undefined)).toEqual([{ field: "role", before: "admin", after: null }]);
  });

  it("shows a bare value as one line, and nothing for no detail", () => {
    expect(changeLines(null, "started")).toEqual([{ field: "", before: null, after: "started" }]);
    expect(changeLines(null, null)).toEqual([]);
  });
});
