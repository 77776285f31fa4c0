// Where an export is read from: a local file or folder (a copy of the export, or an upload), or
// an S3 location (jobs/bill/s3-source.ts: AWS code stays on the worker side). Both list objects, read manifests, and hand each data file to the
// readers as a local file (an S3 object is downloaded to a temporary file first).
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { ExportSourceError, isDataKey, isManifestKey, type ExportObject } from "./plan";

export interface ExportSource {
  /** What bill_import.source records: a path, s3://bucket/prefix, or upload:<names>. */
  readonly description: string;
  /** Data files and manifests, recursively. */
  list(): Promise<ExportObject[]>;
  readText(object: ExportObject): Promise<string>;
  /** A local file with the object's bytes, named like it (errors name the file); release() removes a temporary copy. */
  localFile(object: ExportObject): Promise<{ path: string; release(): Promise<void> }>;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

/** A local export file, or a folder searched recursively for export files and manifests. */
export function localSource(target: string, description = target): ExportSource {
  const resolved = path.resolve(target);
  let root = resolved;
  return {
    description,
    async list() {
      const info = await stat(resolved).catch(() => null);
      if (!info) throw new ExportSourceError(`${target}: no such file or folder`);
      let names: string[];
      if (info.isDirectory()) names = (await readdir(resolved, { recursive: true })).map((n) => n.split(path.sep).join("/"));
      else {
        root = path.dirname(resolved);
        names = [path.basename(resolved)];
      }
      const objects: ExportObject[] = [];
      for (const key of names.sort()) {
        if (!isDataKey(key) && !isManifestKey(key)) continue;
        const file = path.join(root, key);
        const s = await stat(file);
        if (!s.isFile()) continue;
        objects.push({ key, size: s.size, tag: await sha256File(file), modifiedAt: s.mtime });
      }
      return objects;
    },
    readText: (object) => readFile(path.join(root, object.key), "utf8"),
    localFile: async (object) => ({ path: path.join(root, object.key), release: async () => {} }),
  };
}
