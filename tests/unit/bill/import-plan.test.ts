import { describe, expect, it } from "vitest";
import { fingerprintOf, parseManifest, partitionPeriod, planImport, type ExportObject } from "@/lib/bill/import/plan";

const at = (iso: string) => new Date(iso);
const obj = (key: string, tag = "t", modified = "2026-11-20T00:00:00Z", size = 10): ExportObject => ({ key, size, tag, modifiedAt: at(modified) });
const manifest = (key: string, files: string[], modified: string) =>
  parseManifest(key, at(modified), JSON.stringify({ executionId: "e", dataFiles: files.map((f) => `s3://bucket/${f}`), billingPeriod: { start: "2026-11-01T00:00:00.000Z" }, columns: [{ name: "ChargeCategory", type: "string" }, { name: "BilledCost", type: "decimal" }, { name: "InvoiceId", type: "string" }] }));

describe("planning an export's import", () => {
  it("reads the period of a BILLING_PERIOD= folder", () => {
    expect(partitionPeriod("exports/x/data/BILLING_PERIOD=2026-11/x-00001.snappy.parquet")).toBe("2026-11-01");
    expect(partitionPeriod("exports/x/data/x-00001.snappy.parquet")).toBeNull();
  });

  it("takes a period's files from its latest manifest, ignores older deliveries, groups the rest by folder and loose files together", () => {
    const objects = [
      obj("p/x/data/BILLING_PERIOD=2026-11/old/x-00001.snappy.parquet"),
      obj("p/x/data/BILLING_PERIOD=2026-11/new/x-00001.snappy.parquet"),
      obj("p/x/data/BILLING_PERIOD=2026-11/new/x-00002.snappy.parquet"),
      obj("p/x/data/BILLING_PERIOD=2026-10/x-00001.csv.gz"),
      obj("p/x/data/BILLING_PERIOD=2026-10/x-00002.csv.gz"),
      obj("loose.csv"),
    ];
    const manifests = [
      manifest("p/x/metadata/BILLING_PERIOD=2026-11/old/x-Manifest.json", ["p/x/data/BILLING_PERIOD=2026-11/old/x-00001.snappy.parquet"], "2026-11-10T00:00:00Z"),
      manifest("p/x/metadata/BILLING_PERIOD=2026-11/new/x-Manifest.json", ["p/x/data/BILLING_PERIOD=2026-11/new/x-00001.snappy.parquet", "p/x/data/BILLING_PERIOD=2026-11/new/x-00002.snappy.parquet"], "2026-11-20T00:00:00Z"),
    ];
    const units = planImport(objects, manifests);
    expect(units.map((u) => [u.period, u.manifest, u.format, u.files.map((f) => f.key.split("/").slice(-2).join("/"))])).toEqual([
      ["2026-11-01", "p/x/metadata/BILLING_PERIOD=2026-11/new/x-Manifest.json", "FOCUS_1_2", ["new/x-00001.snappy.parquet", "new/x-00002.snappy.parquet"]],
      ["2026-10-01", null, null, ["BILLING_PERIOD=2026-10/x-00001.csv.gz", "BILLING_PERIOD=2026-10/x-00002.csv.gz"]],
      [null, null, null, ["loose.csv"]],
    ]);
  });

  it("matches a manifest's s3:// URIs to a local copy of the export's folder, and names a file it lacks", () => {
    const local = [obj("data/BILLING_PERIOD=2026-11/x-00001.snappy.parquet")];
    const m = manifest("metadata/BILLING_PERIOD=2026-11/x-Manifest.json", ["exports/x/data/BILLING_PERIOD=2026-11/x-00001.snappy.parquet"], "2026-11-20T00:00:00Z");
    expect(planImport(local, [m])[0]!.files).toEqual(local);
    const missing = manifest("metadata/BILLING_PERIOD=2026-11/x-Manifest.json", ["exports/x/data/BILLING_PERIOD=2026-11/x-00009.snappy.parquet"], "2026-11-20T00:00:00Z");
    expect(() => planImport(local, [missing])).toThrow("metadata/BILLING_PERIOD=2026-11/x-Manifest.json names s3://bucket/exports/x/data/BILLING_PERIOD=2026-11/x-00009.snappy.parquet, which is not in the export's files");
  });

  it("says what is wrong with a manifest", () => {
    expect(() => parseManifest("m/x-Manifest.json", at("2026-11-01T00:00:00Z"), "{")).toThrow("m/x-Manifest.json: not a Data Exports manifest (not JSON)");
    expect(() => parseManifest("m/x-Manifest.json", at("2026-11-01T00:00:00Z"), "{}")).toThrow("m/x-Manifest.json: not a Data Exports manifest (dataFiles:");
    expect(() => parseManifest("m/x-Manifest.json", at("2026-11-01T00:00:00Z"), '{"dataFiles":[]}')).toThrow("names no billing period");
    expect(parseManifest("m/BILLING_PERIOD=2026-09/x-Manifest.json", at("2026-11-01T00:00:00Z"), '{"dataFiles":[]}').period).toBe("2026-09-01");
  });

  it("fingerprints the (name, size, tag) list whatever the order and folder, and changes with any of them", () => {
    const a = [obj("a/x-1.csv", "e1"), obj("a/x-2.csv", "e2")];
    expect(fingerprintOf(a)).toBe(fingerprintOf([obj("b/x-2.csv", "e2"), obj("b/x-1.csv", "e1")]));
    expect(fingerprintOf(a)).not.toBe(fingerprintOf([obj("a/x-1.csv", "e1"), obj("a/x-2.csv", "e3")]));
    expect(fingerprintOf(a)).not.toBe(fingerprintOf([obj("a/x-1.csv", "e1"), obj("a/x-2.csv", "e2", undefined, 11)]));
    expect(fingerprintOf(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});
