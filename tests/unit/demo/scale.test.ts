import { beforeAll, describe, expect, it } from "vitest";
import { resolveDemoOptions } from "@/lib/demo/options";
import { buildOrganization } from "@/lib/demo/org";
import { END_DAY, generate, type Generated } from "./fixtures";

describe("small preset (default)", () => {
  let demo: Generated;
  beforeAll(() => {
    demo = generate({ seed: 42 });
  });

  it("is an organization of ~12 accounts in 3 OUs, 6 business units, 3 regions", () => {
    const accounts = demo.chunks.map((c) => c.account);
    expect(accounts).toHaveLength(12);
    expect(new Set(accounts.map((a) => a.organizationalUnit))).toEqual(new Set(["Production", "NonProduction", "Security/Shared"]));
    expect(new Set(accounts.map((a) => a.accountId)).size).toBe(12);
    for (const a of accounts) expect(a.accountId).toMatch(/^[1-9]\d{11}$/);
    const units = new Set(demo.resourcesOn(END_DAY).map((v) => v.record.tags["business-unit"]).filter(Boolean));
    expect([...units].sort()).toEqual(["data-platform", "identity", "logistics", "marketing", "ml-research", "payments"]);
    expect(new Set(demo.keys.map((k) => k.record.region))).toEqual(new Set(["us-east-1", "eu-west-1", "ap-southeast-2"]));
  });

  it("has ~300 keys, 3,000 resources on the last day and 396 days of history", () => {
    const keys = demo.keysOn(END_DAY);
    expect(keys.length).toBeGreaterThan(270);
    expect(keys.length).toBeLessThan(330);
    expect(demo.resourcesOn(END_DAY)).toHaveLength(3_000);
    const firstDay = demo.keys.map((k) => k.validFrom).sort()[0];
    expect(firstDay).toBe("2024-05-31"); // 2025-06-30 minus 395 days
    const services = new Set(demo.resourcesOn(END_DAY).map((v) => v.record.service));
    expect(services).toEqual(new Set(["S3", "EBS", "RDS", "AURORA"]));
  });

  it("keeps per-key request volume for the whole history", () => {
    const days = new Set(demo.chunks.flatMap((c) => c.keyRequests.map((r) => r.day)));
    expect(days.size).toBe(396);
  });

  it("reports key usage as of the last day: used, never used, and unknown where the API is unavailable", () => {
    const usage = demo.chunks.flatMap((c) => c.keyUsage);
    expect(usage).toHaveLength(demo.keysOn(END_DAY).length);
    const endOfDay = Date.parse(`${END_DAY}T23:59:59Z`);
    const used = usage.filter((u) => u.status === "USED");
    for (const u of used) expect(u.lastUsedAt!.getTime()).toBeLessThanOrEqual(endOfDay);
    expect(used.filter((u) => u.lastUsedAt!.getTime() > endOfDay - 86_400_000).length).toBeGreaterThan(used.length / 2);
    expect(used.some((u) => u.lastUsedAt!.getTime() < endOfDay - 90 * 86_400_000)).toBe(true);
    expect(usage.some((u) => u.status === "NEVER_USED" && u.lastUsedAt === null)).toBe(true);
    const unknown = usage.filter((u) => u.status === "UNKNOWN");
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.length).toBeLessThan(usage.length / 10);
  });
});

describe("presets and custom sizes", () => {
  it("resolves the large preset to 200 accounts, 40 units, 20,000 CMKs, 1,000,000 resources, 400 days", () => {
    const options = resolveDemoOptions({ scale: "large", endDay: END_DAY });
    expect(options).toMatchObject({ accounts: 200, businessUnits: 40, keys: 20_000, resources: 1_000_000, days: 400, keyRequestDays: 14 });
    const org = buildOrganization(options);
    expect(org.accounts.reduce((s, a) => s + a.resourceCount, 0)).toBe(1_000_000);
    expect(org.accounts.reduce((s, a) => s + a.cmkCount, 0)).toBe(20_000);
    expect(new Set(org.businessUnits.map((b) => b.name)).size).toBe(40);
    expect(new Set(org.accounts.map((a) => a.record.name)).size).toBe(200);
  });

  it("takes custom numbers and rejects nonsense", () => {
    expect(resolveDemoOptions({ resources: 100_000, days: 400, endDay: END_DAY })).toMatchObject({ resources: 100_000, days: 400, accounts: 12 });
    expect(() => resolveDemoOptions({ days: 0 })).toThrow(/days/);
    expect(() => resolveDemoOptions({ endDay: "2025-13-01" })).toThrow(/YYYY-MM-DD/);
    expect(resolveDemoOptions({}, () => new Date("2025-03-04T23:00:00Z")).endDay).toBe("2025-03-04");
  });

  it("builds a tiny organization: 1 account, 2 CMKs", () => {
    const demo = generate({ seed: 1, accounts: 1, businessUnits: 1, keys: 2, resources: 10, days: 30 });
    const cmks = demo.keysOn(END_DAY).filter((k) => k.keyManager === "CUSTOMER");
    expect(cmks.length).toBeLessThanOrEqual(2);
    expect(demo.resourcesOn(END_DAY)).toHaveLength(10);
  });
});
