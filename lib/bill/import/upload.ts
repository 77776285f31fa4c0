// POST /api/bill/imports: an admin uploads export files (multipart/form-data, field "files", one or
// more; field "force" = "true" to import files already imported). The body is streamed to a
// temporary file with its size counted (413 past the limit, before anything is parsed), the files
// written to a temporary folder, and the folder imported like a local one (source "upload:<names>").
import { createWriteStream, openAsBlob } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { badRequest, payloadTooLarge } from "@/lib/domain/errors";
import type { Db } from "@/lib/db/client";
import { importBill, type ImportSummary } from "./import-bill";
import { isDataKey, isManifestKey } from "./plan";
import { localSource } from "./source";
import { MAX_UPLOAD_BYTES } from "./upload-limit";

const LIMIT_TEXT = `${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;

class TooLarge extends Error {}

async function spoolBody(request: Request, file: string): Promise<void> {
  if (!request.body) throw badRequest("body: no files uploaded");
  let seen = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > MAX_UPLOAD_BYTES ? new TooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(request.body as WebReadableStream<Uint8Array>), count, createWriteStream(file));
  } catch (error) {
    if (error instanceof TooLarge) throw payloadTooLarge(`files: the upload is larger than ${LIMIT_TEXT}; import larger exports from S3 or with npm run import-bill`);
    throw error;
  }
}

export async function importUpload(db: Db, request: Request, startedBy: string): Promise<ImportSummary> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) throw badRequest('body: must be multipart/form-data with the export files in the field "files"');
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_UPLOAD_BYTES) throw payloadTooLarge(`files: the upload is larger than ${LIMIT_TEXT}; import larger exports from S3 or with npm run import-bill`);
  const dir = await mkdtemp(path.join(tmpdir(), "kms-bill-upload-"));
  try {
    const spooled = path.join(dir, "body");
    await spoolBody(request, spooled);
    let form: FormData;
    try {
      form = await new Response(await openAsBlob(spooled), { headers: { "content-type": type } }).formData();
    } catch {
      throw badRequest("body: not a readable multipart/form-data body");
    }
    const unknown = [...form.keys()].filter((k) => k !== "files" && k !== "force");
    if (unknown.length) throw badRequest(`${unknown[0]}: is not a known field (files, force)`);
    const force = form.get("force");
    if (force !== null && force !== "true" && force !== "false") throw badRequest("force: must be true or false");
    const files = form.getAll("files").filter((f): f is File => typeof f !== "string");
    if (files.length === 0) throw badRequest('files: upload one or more export files (.parquet, .csv, .csv.gz) or manifests in the field "files"');
    const folder = path.join(dir, "export");
    await mkdir(folder);
    const names = new Set<string>();
    for (const file of files) {
      const name = path.basename(file.name);
      if (!isDataKey(name) && !isManifestKey(name)) throw badRequest(`files: ${name || "(no name)"} is not an export file (.parquet, .csv, .csv.gz) or a Data Exports manifest`);
      if (names.has(name)) throw badRequest(`files: ${name} is uploaded twice`);
      names.add(name);
      await pipeline(Readable.fromWeb(file.stream() as WebReadableStream<Uint8Array>), createWriteStream(path.join(folder, name)));
    }
    await rm(spooled);
    return await importBill(db, localSource(folder, `upload:${[...names].join(",")}`), { force: force === "true", startedBy });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
