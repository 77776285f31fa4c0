import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { KmsKeyRecord } from "@/lib/domain/records";
import { cmk, volume } from "@/tests/fixtures/records";
import { keyContentHash, keyPolicyText, legacyKeyContentHash, resourceContentHash } from "@/lib/store/rows";

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
    expect(fields.length).toBe(25);
    for (const field of fields) {
      expect(keyContentHash({ ...key, [field]: changedValue(key[field]) }), field).not.toBe(keyContentHash(key));
    }
  });

  it("ignores the order AWS lists tags in", () => {
    const reordered = { ...key, tags: Object.fromEntries(Object.entries(key.tags).reverse()) };
    expect(keyContentHash(reordered)).toBe(keyContentHash(key));
  });

  // Versions stored before the current hash form must still be recognised as unchanged: the
  // literals are what the earlier implementations stored for this fixture key.
  it("recomputes an earlier form for a hash stored in it", () => {
    expect(legacyKeyContentHash(key, "38Mn4zx2XoDk1fhwE52n+uF/T9w=")).toBe("38Mn4zx2XoDk1fhwE52n+uF/T9w=");
    expect(legacyKeyContentHash(key, "2:4kYGj6m5bI0sCjGa4fUEgxCxKns=")).toBe("2:4kYGj6m5bI0sCjGa4fUEgxCxKns=");
    // Form 3 had no next rotation date: whatever date the upgrade brings, the key is unchanged.
    expect(legacyKeyContentHash(key, "3:4vtAcuYq4Z2mepB9u2G6XVUjuqs=")).toBe("3:4vtAcuYq4Z2mepB9u2G6XVUjuqs=");
    expect(legacyKeyContentHash({ ...key, nextRotationDate: null }, "3:4vtAcuYq4Z2mepB9u2G6XVUjuqs=")).toBe("3:4vtAcuYq4Z2mepB9u2G6XVUjuqs=");
    expect(keyContentHash(key)).toMatch(/^4:/);
    expect(legacyKeyContentHash(key, keyContentHash(key))).toBeNull();
  });

  it("names the policy by the sha256 of its JSON text, the hash the migration gives moved documents", () => {
    const policy = keyPolicyText(key)!;
    expect(policy.text).toBe(JSON.stringify(key.policy));
    expect(policy.hash).toBe(createHash("sha256").update(policy.text, "utf8").digest("base64"));
    expect(keyPolicyText({ ...key, policy: null })).toBeNull();
  });
});

describe("resource content hash", () => {
  // Stored in every current resource version: a different value for the same record would open a
  // new version of every resource on the next snapshot. The literal is what versions hold.
  it("is the value stored versions hold, whatever order the tags come in", () => {
    const v = volume("v1", { tags: { "z-last": "1", "business-unit": "payments", env: "prod", Owner: "ana" } });
    expect(resourceContentHash(v, "Enabled")).toBe("y0BUGRG0LKWqID9kNjKpK00XYAQ=");
    const reordered = { ...v, tags: Object.fromEntries(Object.entries(v.tags).reverse()) };
    expect(resourceContentHash(reordered, "Enabled")).toBe("y0BUGRG0LKWqID9kNjKpK00XYAQ=");
    expect(resourceContentHash(v, "Disabled")).not.toBe("y0BUGRG0LKWqID9kNjKpK00XYAQ=");
  });
});
