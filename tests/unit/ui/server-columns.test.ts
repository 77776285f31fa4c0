import { describe, expect, it } from "vitest";
import { KEY_COLUMNS, KEY_DEFAULT_SORT } from "@/components/keys/keys-view";
import { IN_SCOPE_COLUMNS, IN_SCOPE_DEFAULT_SORT, NONCOMPLIANT_COLUMNS as RESOURCE_COLUMNS, NONCOMPLIANT_DEFAULT_SORT as RESOURCE_DEFAULT_SORT } from "@/components/resources/resource-columns";
import { IN_SCOPE_SORTS } from "@/lib/queries/kpi/in-scope-resources";
import { KEY_SORTS } from "@/lib/queries/kpi/keys";
import { NONCOMPLIANT_SORTS } from "@/lib/queries/kpi/noncompliant-resources";

// A header is clickable only when the API can sort by it: a sort the API does not know would be
// refused with a 400, so every column's sortField must be one of the route's sorts.
describe("server-sorted columns", () => {
  it("keys: sortable columns are exactly the API's sorts", () => {
    const fields = KEY_COLUMNS.flatMap((c) => (c.sortField ? [c.sortField] : []));
    expect([...fields].sort()).toEqual([...KEY_SORTS].sort());
    expect(KEY_SORTS).toContain(KEY_DEFAULT_SORT.id);
  });

  it("resources: sortable columns are exactly the API's sorts", () => {
    const fields = RESOURCE_COLUMNS.flatMap((c) => (c.sortField ? [c.sortField] : []));
    expect([...fields].sort()).toEqual([...NONCOMPLIANT_SORTS].sort());
    expect(NONCOMPLIANT_SORTS).toContain(RESOURCE_DEFAULT_SORT.id);
  });

  it("every in-scope resource: sortable columns are exactly the API's sorts", () => {
    const fields = IN_SCOPE_COLUMNS.flatMap((c) => (c.sortField ? [c.sortField] : []));
    expect([...fields].sort()).toEqual([...IN_SCOPE_SORTS].sort());
    expect(IN_SCOPE_SORTS).toContain(IN_SCOPE_DEFAULT_SORT.id);
  });

  it("the columns not sortable by the API are plain headers", () => {
    expect(KEY_COLUMNS.filter((c) => !c.sortField).map((c) => c.id)).toEqual(["region", "origin", "rotation", "env", "billed"]);
    expect(RESOURCE_COLUMNS.filter((c) => !c.sortField).map((c) => c.id)).toEqual(["owner", "env", "region", "key", "arn"]);
    expect(IN_SCOPE_COLUMNS.filter((c) => !c.sortField).map((c) => c.id)).toEqual(["owner", "env", "region", "key", "arn"]);
  });
});
