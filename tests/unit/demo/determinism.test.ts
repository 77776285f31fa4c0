import { describe, expect, it } from "vitest";
import { demoOrganization, generateAccountChunk } from "@/lib/demo/generate";
import { END_DAY, generate } from "./fixtures";

const TINY = { accounts: 4, businessUnits: 3, keys: 48, resources: 400, days: 60 };

describe("demo generator determinism", () => {
  it("gives identical records for the same seed and options", () => {
    const a = generate({ seed: 7, ...TINY });
    const b = generate({ seed: 7, ...TINY });
    expect(b.chunks).toEqual(a.chunks);
    expect(a.keys.length).toBeGreaterThan(0);
    expect(a.resources.length).toBeGreaterThan(0);
  });

  it("gives a different organization for a different seed", () => {
    const a = generate({ seed: 7, ...TINY });
    const b = generate({ seed: 8, ...TINY });
    const arnsA = new Set(a.keys.map((k) => k.record.keyArn));
    expect(b.keys.some((k) => arnsA.has(k.record.keyArn))).toBe(false);
    expect(b.chunks.map((c) => c.account.accountId)).not.toEqual(a.chunks.map((c) => c.account.accountId));
  });

  it("gives unrelated organizations for neighbouring seeds (0 and 1)", () => {
    const a = generate({ seed: 0, ...TINY });
    const b = generate({ seed: 1, ...TINY });
    expect(b.chunks[0]!.account.accountId).not.toBe(a.chunks[0]!.account.accountId);
  });

  it("generates an account the same alone as in sequence (chunks are independent)", () => {
    const all = generate({ seed: 11, ...TINY });
    const org = demoOrganization({ seed: 11, endDay: END_DAY, ...TINY });
    expect(generateAccountChunk(org, org.accounts[2]!)).toEqual(all.chunks[2]);
  });

  it("changes only the resources when only the resource count changes", () => {
    const a = generate({ seed: 5, ...TINY });
    const b = generate({ seed: 5, ...TINY, resources: 200 });
    expect(b.keys).toEqual(a.keys);
    expect(b.resourcesOn(END_DAY)).toHaveLength(200);
  });
});
