// S3 objects served from local folders, one per bucket (EndpointOptions.s3Folders), in S3's REST-XML
// wire format: ListObjectsV2 (prefix, max-keys, continuation-token, start-after), GetObject (bytes,
// Content-Length, ETag, Last-Modified) and HeadObject. The bill import reads a Data Export this way.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { errorAnswer, restXmlAnswer, xml, type Answer } from "../wire";

/** S3 answers at most 1,000 keys a page, whatever MaxKeys asks. */
const S3_PAGE_LIMIT = 1000;

type LocalObject = { key: string; file: string; size: number; modified: Date };

function objectsIn(dir: string): LocalObject[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((name) => ({ key: name.split(path.sep).join("/"), file: path.join(dir, name) }))
    .filter((o) => statSync(o.file).isFile())
    .map((o) => {
      const s = statSync(o.file);
      return { ...o, size: s.size, modified: s.mtime };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)); // S3 lists in UTF-8 binary order
}

/** A single-part upload's ETag: the quoted MD5 of the bytes. */
const etagOf = (file: string) => `"${createHash("md5").update(readFileSync(file)).digest("hex")}"`;

const objectHeaders = (o: LocalObject) => ({ etag: etagOf(o.file), "last-modified": o.modified.toUTCString(), "accept-ranges": "bytes" });

export function s3Objects(operation: string, folder: string, bucket: string, key: string, url: URL, pageLimit = S3_PAGE_LIMIT): Answer {
  const objects = objectsIn(folder);
  if (operation === "ListObjectsV2") {
    const prefix = url.searchParams.get("prefix") ?? "";
    const maxKeys = Math.min(Number(url.searchParams.get("max-keys") ?? S3_PAGE_LIMIT), pageLimit);
    const token = url.searchParams.get("continuation-token");
    // The token is opaque to clients; here it is the last key of the previous page, base64.
    const after = token ? Buffer.from(token, "base64").toString("utf8") : (url.searchParams.get("start-after") ?? "");
    const matching = objects.filter((o) => o.key.startsWith(prefix) && o.key > after);
    const page = matching.slice(0, maxKeys);
    const truncated = matching.length > page.length;
    const contents = page
      .map((o) => `<Contents>${xml({ Key: o.key, LastModified: o.modified, ETag: etagOf(o.file), Size: o.size, StorageClass: "STANDARD" })}</Contents>`)
      .join("");
    const next = truncated ? Buffer.from(page.at(-1)!.key, "utf8").toString("base64") : null;
    return restXmlAnswer(
      "ListBucketResult",
      `${xml({ Name: bucket, Prefix: prefix, KeyCount: page.length, MaxKeys: maxKeys, IsTruncated: truncated, ContinuationToken: token ?? undefined, NextContinuationToken: next ?? undefined })}${contents}`,
    );
  }
  const found = objects.find((o) => o.key === key);
  if (operation === "HeadObject") {
    // HEAD answers carry no body: a missing key is a bare 404.
    if (!found) return { status: 404, contentType: "application/xml", body: "" };
    return { status: 200, contentType: "binary/octet-stream", body: "", headers: { ...objectHeaders(found), "content-length": String(found.size) } };
  }
  if (operation === "GetObject") {
    if (!found) return errorAnswer("restxml", 404, "NoSuchKey", "The specified key does not exist.");
    return { status: 200, contentType: "binary/octet-stream", body: readFileSync(found.file), headers: objectHeaders(found) };
  }
  return errorAnswer("restxml", 405, "MethodNotAllowed", `S3 ${operation} is not served here`);
}
