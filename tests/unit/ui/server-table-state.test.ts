import { describe, expect, it } from "vitest";
import { rangeText, readTableState, sortFromParam, tableApiParams, tableStatePatch } from "@/components/tables/server-table-state";
import type { SortState } from "@/components/tables/table-model";

const FIELDS = ["since", "name", "size"];
const DEFAULT: SortState = { id: "since", direction: "asc" };
const read = (query: string) => readTableState(new URLSearchParams(query), FIELDS, DEFAULT);

describe("server table URL state", () => {
  it("reads page, the API's sort syntax and search from the link", () => {
    expect(read("page=3&sort=-size&search=logs&bu=payments")).toEqual({ page: 3, sort: { id: "size", direction: "desc" }, search: "logs" });
    expect(read("sort=name")).toEqual({ page: 1, sort: { id: "name", direction: "asc" }, search: "" });
  });

  it("falls back to the defaults on values the API would refuse", () => {
    for (const bad of ["page=0", "page=-2", "page=abc", "page=2.5", "sort=owner", "sort=--name", "sort="]) {
      expect(read(bad), bad).toEqual({ page: 1, sort: DEFAULT, search: "" });
    }
    expect(read(`search=${"x".repeat(250)}`).search).toHaveLength(200);
  });

  it("leaves defaults out of the link so equal views have equal links", () => {
    expect(tableStatePatch({ page: 1, sort: DEFAULT, search: "  " }, DEFAULT)).toEqual({ page: undefined, sort: undefined, search: undefined });
    expect(tableStatePatch({ page: 2, sort: { id: "since", direction: "desc" }, search: " logs " }, DEFAULT)).toEqual({ page: "2", sort: "-since", search: "logs" });
    // Only the given parts are touched: a sort change keeps the search in the URL.
    expect(tableStatePatch({ sort: { id: "name", direction: "asc" } }, DEFAULT)).toEqual({ sort: "name" });
  });

  it("round-trips: the link written for a state reads back as that state", () => {
    const state = { page: 7, sort: { id: "name", direction: "desc" as const }, search: "vol-1" };
    const patch = tableStatePatch(state, DEFAULT);
    const params = new URLSearchParams(Object.entries(patch).filter((e): e is [string, string] => e[1] !== undefined));
    expect(read(params.toString())).toEqual(state);
  });

  it("asks the API for an explicit sort and no empty search", () => {
    expect(tableApiParams({ page: 2, sort: DEFAULT, search: "  " })).toEqual({ page: 2, pageSize: 50, sort: "since" });
    expect(tableApiParams({ page: 1, sort: { id: "size", direction: "desc" }, search: " a b " }, 500)).toEqual({ page: 1, pageSize: 500, sort: "-size", search: "a b" });
  });

  it("parses only sorts the API accepts", () => {
    expect(sortFromParam("-name", FIELDS)).toEqual({ id: "name", direction: "desc" });
    expect(sortFromParam("name.asc", FIELDS)).toBeNull();
    expect(sortFromParam(null, FIELDS)).toBeNull();
  });
});

describe("rangeText", () => {
  it("shows the rows of the page and the server's total", () => {
    expect(rangeText(1, 50, 418_900, 50)).toBe("1–50 of 418,900");
    expect(rangeText(2, 50, 120, 50)).toBe("51–100 of 120");
    expect(rangeText(3, 50, 120, 20)).toBe("101–120 of 120");
    expect(rangeText(1, 50, 0, 0)).toBe("0 of 0");
    expect(rangeText(9, 50, 120, 0)).toBe("0 of 120");
  });
});
