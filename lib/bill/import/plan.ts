// Which files make up each billing period of an export, as AWS Data Exports lays it out:
//   <prefix>/<export-name>/data/BILLING_PERIOD=YYYY-MM/<export-name>-00001.snappy.parquet
//   <prefix>/<export-name>/metadata/BILLING_PERIOD=YYYY-MM/<export-name>-Manifest.json
// A restated period may keep older deliveries beside the current ones (and "create new" delivery
// keeps every execution): the period's manifest names its current files, so it decides. Without a
// manifest, files are grouped by their BILLING_PERIOD= folder, and loose files (an upload, a
// single file) by the billing period their lines carry.
import { createHash } from "node:crypto";
import { z } from "zod";
import { billFileKind } from "@/lib/bill/read-file";
import { detectBillFormat } from "@/lib/bill/formats";
import type { BillFormat } from "@/lib/bill/line";

/** The source given cannot be an export (no such path, not an S3 location, no export file in it). */
export class ExportSourceError extends Error {
  override readonly name = "ExportSourceError";
}

/** One object of an export: an S3 object or a local file. */
export type ExportObject = {
  /** Path below the source's root, "/"-separated (an S3 key, or a path relative to the folder). */
  key: string;
  size: number;
  /** S3 ETag, or the sha256 of a local file's bytes: what changes when the content does. */
  tag: string;
  /** S3 LastModified or the file's mtime: the delivery time. */
  modifiedAt: Date;
};

/** The files of one import: one billing period, or (period null) loose files read for theirs. */
export type ImportUnit = {
  /** "YYYY-MM-01" from the manifest or the BILLING_PERIOD= folder; null: from the lines. */
  period: string | null;
  files: ExportObject[];
  /** The manifest that named the files, when one did. */
  manifest: string | null;
  /** The format the manifest's columns say, when it has them (known before any file is read). */
  format: BillFormat | null;
};

const PARTITION = /(?:^|\/)BILLING_PERIOD=(\d{4})-(\d{2})(?:\/|$)/;

/** "YYYY-MM-01" of the BILLING_PERIOD=YYYY-MM folder in a key, or null. */
export function partitionPeriod(key: string): string | null {
  const match = PARTITION.exec(key);
  return match ? `${match[1]}-${match[2]}-01` : null;
}

export const isManifestKey = (key: string) => /(?:^|[/-])Manifest\.json$/i.test(key);
export const isDataKey = (key: string) => billFileKind(key) !== null;

// The manifest fields the import uses (AWS Data Exports manifest reference); the rest is ignored.
const manifestSchema = z.object({
  dataFiles: z.array(z.string().min(1)),
  billingPeriod: z.object({ start: z.string() }).partial().optional(),
  columns: z.array(z.object({ name: z.string() })).optional(),
});

export type Manifest = { key: string; modifiedAt: Date; period: string; dataFiles: string[]; format: BillFormat | null };

/** A manifest's content; throws a message naming the manifest when it is not one. */
export function parseManifest(key: string, modifiedAt: Date, text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${key}: not a Data Exports manifest (not JSON)`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${key}: not a Data Exports manifest (${parsed.error.issues.map((i) => `${i.path.join(".") || "document"}: ${i.message}`).join("; ")})`);
  const start = parsed.data.billingPeriod?.start;
  const period = start && /^\d{4}-\d{2}/.test(start) ? `${start.slice(0, 7)}-01` : partitionPeriod(key);
  if (!period) throw new Error(`${key}: the manifest names no billing period (no billingPeriod.start, no BILLING_PERIOD= folder)`);
  const format = parsed.data.columns ? detectBillFormat(parsed.data.columns.map((c) => c.name)) : null;
  return { key, modifiedAt, period, dataFiles: parsed.data.dataFiles, format };
}

/**
 * The object a manifest's data file URI (s3://bucket/<key>) names. A local folder holds a copy of
 * some part of the bucket (the export's folder, usually), so its keys are a suffix of the URI's.
 */
function objectOfUri(uri: string, objects: readonly ExportObject[]): ExportObject | undefined {
  const path = uri.replace(/^s3:\/\/[^/]+\//, "");
  return objects.find((o) => o.key === path) ?? objects.find((o) => path.endsWith(`/${o.key}`));
}

/** The import units of a listing: one per billing period with a manifest or a partition, plus loose files. */
export function planImport(objects: readonly ExportObject[], manifests: readonly Manifest[]): ImportUnit[] {
  const latest = new Map<string, Manifest>();
  for (const m of manifests) {
    const seen = latest.get(m.period);
    if (!seen || m.modifiedAt > seen.modifiedAt || (m.modifiedAt.getTime() === seen.modifiedAt.getTime() && m.key > seen.key)) latest.set(m.period, m);
  }
  const units: ImportUnit[] = [];
  for (const m of [...latest.values()].sort((a, b) => a.period.localeCompare(b.period))) {
    const files = m.dataFiles.map((uri) => {
      const found = objectOfUri(uri, objects);
      if (!found) throw new Error(`${m.key} names ${uri}, which is not in the export's files`);
      return found;
    });
    units.push({ period: m.period, files, manifest: m.key, format: m.format });
  }
  const byPartition = new Map<string, ExportObject[]>();
  const loose: ExportObject[] = [];
  for (const o of objects) {
    if (!isDataKey(o.key)) continue;
    const period = partitionPeriod(o.key);
    // A period with a manifest reads only the files it names: others are older deliveries.
    if (period && latest.has(period)) continue;
    if (period) byPartition.set(period, [...(byPartition.get(period) ?? []), o]);
    else loose.push(o);
  }
  for (const [period, files] of [...byPartition].sort(([a], [b]) => a.localeCompare(b))) units.push({ period, files, manifest: null, format: null });
  if (loose.length) units.push({ period: null, files: loose, manifest: null, format: null });
  return units.map((u) => ({ ...u, files: [...u.files].sort((a, b) => a.key.localeCompare(b.key)) }));
}

/** sha256 over the sorted (file name, size, tag) list: the same files give the same fingerprint. */
export function fingerprintOf(files: readonly ExportObject[]): string {
  const lines = files.map((f) => `${f.key.split("/").pop()}\t${f.size}\t${f.tag}\n`).sort();
  return createHash("sha256").update(lines.join("")).digest("hex");
}
