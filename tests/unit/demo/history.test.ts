import { beforeAll, describe, expect, it } from "vitest";
import { buildKeyIndex, resolveKeyRef } from "@/lib/domain/key-resolution";
import { keyFindings, HYGIENE_FINDING_CODES } from "@/lib/kpi/key-findings";
import { defaultPolicySettings } from "@/lib/settings/policy";
import { END_DAY, generate, groupBy, isCmkCovered, type Generated } from "./fixtures";

const START_DAY = "2024-05-31"; // 396 days ending 2025-06-30
let demo: Generated;

beforeAll(() => {
  demo = generate({ seed: 42 });
});

function expectContiguous(versions: { validFrom: string; validTo: string | null }[]): void {
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i]!;
    expect(v.validFrom >= START_DAY && v.validFrom <= END_DAY).toBe(true);
    if (v.validTo !== null) expect(v.validTo > v.validFrom && v.validTo <= END_DAY).toBe(true);
    if (i < versions.length - 1) expect(v.validTo).toBe(versions[i + 1]!.validFrom);
  }
}

describe("demo histories", () => {
  it("gives each key ordered, contiguous, non-overlapping versions that each change something", () => {
    for (const versions of groupBy(demo.keys, (v) => v.record.keyArn).values()) {
      expectContiguous(versions);
      for (let i = 1; i < versions.length; i++) expect(versions[i]!.record).not.toEqual(versions[i - 1]!.record);
    }
    expect(demo.keys.some((v) => v.validFrom > START_DAY)).toBe(true);
  });

  it("gives each resource ordered, contiguous versions; some resources come and go", () => {
    const byArn = groupBy(demo.resources, (v) => v.record.resourceArn);
    for (const versions of byArn.values()) expectContiguous(versions);
    const all = [...byArn.values()];
    expect(all.filter((v) => v[0]!.validFrom > START_DAY).length).toBeGreaterThan(200);
    expect(all.filter((v) => v.at(-1)!.validTo !== null).length).toBeGreaterThan(200);
  });

  it("changes at most about 1% of the resources on any day", () => {
    const starts = groupBy(demo.resources.filter((v) => v.validFrom > START_DAY), (v) => v.validFrom);
    const worst = Math.max(...[...starts.values()].map((list) => list.length));
    expect(worst).toBeLessThanOrEqual(30); // of ~3,000
  });

  it("resolves every keyRef to its keyArn through the key inventory of that day", () => {
    const sample = demo.resources.filter((_, i) => i % 7 === 0);
    const indexes = new Map<string, ReturnType<typeof buildKeyIndex>>();
    let resolved = 0;
    for (const v of sample) {
      const r = v.record;
      const id = `${r.accountId}|${r.region}|${v.validFrom}`;
      if (!indexes.has(id)) {
        const keys = demo.keysOn(v.validFrom).filter((k) => k.accountId === r.accountId && k.region === r.region);
        indexes.set(id, buildKeyIndex(keys, { accountId: r.accountId, region: r.region }));
      }
      const fallback = r.service === "S3" && r.sseAlgorithm?.startsWith("aws:kms") ? "alias/aws/s3" : undefined;
      if (r.keyRef === null && !fallback) {
        expect(r.keyArn).toBeNull();
        continue;
      }
      expect(resolveKeyRef(r.keyRef, indexes.get(id)!, fallback).keyArn).toBe(r.keyArn);
      resolved++;
    }
    expect(resolved).toBeGreaterThan(200);
    const s3Refs = demo.resources.filter((v) => v.record.service === "S3" && v.record.encryptionClass === "CUSTOMER_KMS").map((v) => v.record.keyRef!);
    expect(s3Refs.some((ref) => /^[0-9a-f-]{36}$/.test(ref))).toBe(true);
    expect(s3Refs.some((ref) => ref.startsWith("alias/"))).toBe(true);
    expect(s3Refs.some((ref) => /^arn:aws:kms:.*:alias\//.test(ref))).toBe(true);
    expect(s3Refs.some((ref) => /^arn:aws:kms:.*:key\//.test(ref))).toBe(true);
  });

  it("moves coverage unevenly: one unit fast, one stuck, one regressing", () => {
    const coverage = (day: string, bu: string) => {
      const list = demo.resourcesOn(day).map((v) => v.record).filter((r) => r.tags["business-unit"] === bu);
      return list.filter(isCmkCovered).length / list.length;
    };
    expect(coverage(END_DAY, "identity") - coverage(START_DAY, "identity")).toBeGreaterThan(0.3);
    expect(Math.abs(coverage(END_DAY, "marketing") - coverage(START_DAY, "marketing"))).toBeLessThan(0.06);
    expect(coverage(END_DAY, "logistics")).toBeLessThan(coverage(START_DAY, "logistics"));
  });

  it("has S3 buckets with and without Bucket Keys, and no size for buckets", () => {
    const buckets = demo.resourcesOn(END_DAY).map((v) => v.record).filter((r) => r.service === "S3");
    expect(buckets.every((b) => b.sizeBytes === null)).toBe(true);
    const kms = buckets.filter((b) => b.sseAlgorithm?.startsWith("aws:kms") && b.keyArn);
    expect(kms.some((b) => b.bucketKeyEnabled === true)).toBe(true);
    expect(kms.some((b) => b.bucketKeyEnabled === false && b.encryptionClass === "CUSTOMER_KMS")).toBe(true);
    const volumes = demo.resourcesOn(END_DAY).map((v) => v.record).filter((r) => r.service === "EBS");
    expect(volumes.every((v) => v.sizeBytes! % 1_073_741_824n === 0n && v.sizeBytes! > 0n)).toBe(true);
  });

  it("provisions CMKs created during the history quickly, slowly or never (MTTP)", () => {
    const settings = defaultPolicySettings;
    const created = groupBy(demo.keys.filter((v) => v.record.keyManager === "CUSTOMER" && v.record.creationDate.toISOString().slice(0, 10) > START_DAY), (v) => v.record.keyArn);
    const outcome = { quick: 0, slow: 0, never: 0 };
    for (const versions of created.values()) {
      const first = versions[0]!.record;
      if (first.keyState !== "Enabled" || first.multiRegionRole === "REPLICA") continue;
      const clean = versions.find((v) => !keyFindings(v.record, { asOf: new Date(`${v.validFrom}T12:00:00Z`), usage: null, referencingResources: [] }, settings)
        .some((f) => HYGIENE_FINDING_CODES.includes(f.code)));
      if (!clean) outcome.never++;
      else {
        const days = (Date.parse(clean.validFrom) - Date.parse(versions[0]!.validFrom)) / 86_400_000;
        if (days <= 7) outcome.quick++;
        else outcome.slow++;
      }
    }
    expect(outcome.quick).toBeGreaterThan(3);
    expect(outcome.slow).toBeGreaterThan(3);
    expect(outcome.never).toBeGreaterThan(0);
  });
});
