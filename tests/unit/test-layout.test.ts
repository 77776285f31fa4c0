import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Tests live under tests/ (README, "The two commands"): vitest runs only tests/unit/** and
// tests/integration/**, so a test written next to the code would silently never run.

function testsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("test layout", () => {
  it("has no test file next to the code", () => {
    expect(["app", "components", "jobs", "lib"].flatMap(testsUnder)).toEqual([]);
  });
});
