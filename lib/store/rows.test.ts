import { describe, expect, it } from "vitest";
import type { KmsKeyRecord } from "@/lib/domain/records";
import { cmk } from "@/tests/fixtures/records";
import { keyContentHash, legacyKeyContentHash } from "./rows";

// A different value of the same type for every field of a key record.
const changedValue = (value: unknown): unknown =>
  value === null ? "x"
  : value instanceof Date ? new Date(value.getTime() + 1000)
  : Array.isArray(value) ? [...value, "alias/another"]
  : typeof value === "object" ? { ...value, added: "yes" }
  : typeof value === "boolean" ? !value
  : typeof value === "number" ? value + 1
  : `${String(value)}-changed`;

describe("key content hash", () => {
  const key = cmk("k1");

  it("changes when any ingested field changes", () => {
    const fields = Object.keys(key) as (keyof KmsKeyRecord)[];
    expect(fields.length).toBe(24);
    for (const field of fields) {
      expect(keyContentHash({ ...key, [field]: changedValue(key[field]) }), field).not.toBe(keyContentHash(key));
    }
  });

  it("ignores the order AWS lists tags in", () => {
    const reordered = { ...key, tags: Object.fromEntries(Object.entries(key.tags).reverse()) };
    expect(keyContentHash(reordered)).toBe(keyContentHash(key));
  });

  // Versions stored before the current hash form must still be recognised as unchanged: the
  // literal is what the previous implementation stored for this fixture key.
  it("recomputes the previous form for a hash stored before the current one", () => {
    expect(legacyKeyContentHash(key, "38Mn4zx2XoDk1fhwE52n+uF/T9w=")).toBe("38Mn4zx2XoDk1fhwE52n+uF/T9w=");
    expect(keyContentHash(key)).toMatch(/^2:/);
    expect(legacyKeyContentHash(key, keyContentHash(key))).toBeNull();
  });
});
