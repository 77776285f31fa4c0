// How tables fit narrow windows: column priorities and wrapping, export-only columns, key names, and
// the key list's manager/finding filters read from the URL.
import { describe, expect, it } from "vitest";
import { readKeyListFilters } from "@/components/keys/key-list-filter-controls";
import { arnExportColumn, keyName } from "@/components/tables/columns";
import { columnClass } from "@/components/tables/table-scroll";
import { searchRows, shownColumns, type Column } from "@/components/tables/table-model";

const KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describe("columnClass", () => {
  it("hides a low-priority column below its width and keeps days on one line", () => {
    expect(columnClass({ hideBelow: "xl" })).toBe("hidden xl:table-cell");
    expect(columnClass({ align: "right", nowrap: true })).toBe("text-right whitespace-nowrap");
    expect(columnClass({})).toBe("");
    // A header wraps: only the cells' values stay on one line.
    expect(columnClass({ align: "right", nowrap: true }, "header")).toBe("text-right");
  });
});

describe("export-only columns", () => {
  interface Resource {
    name: string;
    arn: string;
  }
  const columns: Column<Resource>[] = [{ id: "name", header: "Resource", value: (r) => r.name }, arnExportColumn("arn", (r: Resource) => r.arn)];
  it("are not drawn but are still searched (an ARN pasted in the search finds its row)", () => {
    expect(shownColumns(columns).map((c) => c.id)).toEqual(["name"]);
    const rows = [{ name: "ledger", arn: "arn:aws:s3:::ledger-eu" }, { name: "web", arn: "arn:aws:s3:::web" }];
    expect(searchRows(rows, columns, "ledger-eu")).toEqual([rows[0]]);
  });
});

describe("keyName", () => {
  it("is the aliases, else the key id, else the id read from the ARN: never blank", () => {
    expect(keyName({ aliases: ["alias/a", "alias/b"], keyId: "k1", keyArn: KEY_ARN })).toBe("alias/a alias/b");
    expect(keyName({ aliases: ["alias/a", "alias/b"], keyId: "k1", keyArn: KEY_ARN }, ", ")).toBe("alias/a, alias/b");
    expect(keyName({ aliases: [], keyId: "k1", keyArn: KEY_ARN })).toBe("k1");
    expect(keyName({ aliases: [], keyArn: KEY_ARN })).toBe("1234abcd-12ab-34cd-56ef-1234567890ab");
  });
});

describe("readKeyListFilters", () => {
  it("keeps the API's parameter names and drops values the API would refuse", () => {
    expect(readKeyListFilters(new URLSearchParams("manager=CUSTOMER&finding=UNUSED&bu=x"))).toEqual({ manager: "CUSTOMER", finding: "UNUSED" });
    expect(readKeyListFilters(new URLSearchParams("manager=customer&finding=NOPE"))).toEqual({});
  });
});
