import { describe, expect, it } from "vitest";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { cmk, volume } from "@/tests/fixtures/records";
import { copyField, copyLine, inChunks, prepareChunks } from "@/lib/store/copy";
import { SnapshotDiff, UNCHANGED } from "@/lib/store/diff";
import { keyRow, resourceRow } from "@/lib/store/rows";
import { KEY_COLUMNS, RESOURCE_COLUMNS } from "@/lib/store/write-versions";

describe("COPY text format", () => {
  it("escapes the four characters COPY gives meaning to and writes null as \\N", () => {
    expect(copyField("a\tb\nc\\d\re")).toBe("a\\tb\\nc\\\\d\\re");
    expect(copyField(null)).toBe("\\N");
    expect(copyField(undefined)).toBe("\\N");
    expect(copyField(true)).toBe("t");
    expect(copyField(false)).toBe("f");
    expect(copyField(42)).toBe("42");
  });

  it("writes objects as JSON and arrays as quoted text[] literals, then escapes them", () => {
    expect(copyField({ k: "line1\nline2" })).toBe('{"k":"line1\\\\nline2"}');
    expect(copyField(["alias/a", 'b"q', "c,d", "e\\f"])).toBe('{"alias/a","b\\\\"q","c,d","e\\\\\\\\f"}');
    expect(copyField([])).toBe("{}");
  });

  it("joins the named columns, then the extra values, with tabs and ends the line", () => {
    expect(copyLine({ a: "x", b: null, c: false }, ["c", "a", "b"])).toBe("f\tx\t\\N\n");
    expect(copyLine({ a: "x" }, ["a"], "2026-01-01", null)).toBe("x\t2026-01-01\t\\N\n");
  });

  it("groups lines into chunks", () => {
    expect([...inChunks(["1\n", "2\n", "3\n"], 2)]).toEqual(["1\n2\n", "3\n"]);
    expect([...inChunks([], 2)]).toEqual([]);
  });

  // The snapshot builds key versions while the resource COPY runs: the COPY's stream must get
  // turns of the event loop while they are built.
  it("prepares the same chunks a slice at a time, letting other work run between slices", async () => {
    const lines = Array.from({ length: 4_500 }, (_, i) => `${i}\n`);
    const otherWork: number[] = [];
    let built = 0;
    const tick = () => {
      otherWork.push(built);
      if (built < lines.length) setImmediate(tick);
    };
    setImmediate(tick);
    const chunks = await prepareChunks((function* () {
      for (const line of lines) {
        built++;
        yield line;
      }
    })(), 500);
    expect(chunks).toEqual([...inChunks(lines)]);
    expect(chunks.length).toBe(3);
    // The other work ran between slices: it saw the lines built so far grow in steps of a slice.
    const during = otherWork.filter((n) => n > 0 && n < lines.length);
    expect(during.length).toBeGreaterThanOrEqual(8);
    expect(during.every((n) => n % 500 === 0)).toBe(true);
  });

  // A column added to resourceRow/keyRow but not to the COPY list would silently not be stored.
  it("COPYs every column of a version row", () => {
    const resource = resourceRow(volume("v1"), null, "2026-01-01", null, defaultPolicySettings);
    expect([...RESOURCE_COLUMNS].sort()).toEqual(Object.keys(resource).sort());
    const key = keyRow(cmk("k1"), "2026-01-01", null, defaultPolicySettings);
    expect([...KEY_COLUMNS].sort()).toEqual(Object.keys(key).sort());
  });
});

describe("SnapshotDiff", () => {
  it("opens new and changed entities once, keeps unchanged ones, closes changed and missing ones", () => {
    const diff = new SnapshotDiff([
      ["same", "h1"],
      ["changed", "h2", "2026-01-05"],
      ["gone", "h3"],
    ]);
    expect(diff.opens("same", "h1")).toBe(UNCHANGED);
    // A replaced version hands on its non-compliant since; a new entity has none before it.
    expect(diff.opens("changed", "h2-new")).toBe("2026-01-05");
    expect(diff.opens("new", "h4")).toBe(null);
    // Listed twice (paginated overlap): the second listing is ignored.
    expect(diff.opens("new", "h4")).toBe(UNCHANGED);
    expect(diff.opens("changed", "h2-new")).toBe(UNCHANGED);
    diff.finish();
    expect(diff.counts).toEqual({ unchanged: 1, changed: 1, added: 1, removed: 1 });
    expect(diff.close).toEqual(["changed", "gone"]);
  });

  it("takes a stored hash of an older form as unchanged when the record's older-form hash equals it", () => {
    const diff = new SnapshotDiff([
      ["same", "old-same"],
      ["changed", "old-changed"],
      ["current", "3:h3"],
    ]);
    const legacy = (value: string) => (stored: string) => (stored.startsWith("3:") ? null : value);
    expect(diff.opens("same", "3:same", legacy("old-same"))).toBe(UNCHANGED);
    expect(diff.opens("changed", "3:changed", legacy("old-other"))).toBe(null);
    expect(diff.opens("current", "3:h3-new", legacy("never used"))).toBe(null);
    expect(diff.rehash).toEqual([["same", "3:same"]]);
    expect(diff.finish().counts).toEqual({ unchanged: 1, changed: 2, added: 0, removed: 0 });
    expect(diff.close).toEqual(["changed", "current"]);
  });
});
