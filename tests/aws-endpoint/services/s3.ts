// S3 (REST-XML, path-style addressing): ListBuckets (global for the account, BucketRegion filter),
// GetBucketLocation, GetBucketEncryption; buckets served from a folder (s3-objects.ts) list and get objects.
import { errorAnswer, pageOf, restXmlAnswer, xml, type Answer } from "../wire";
import type { CallContext } from "../context";
import type { FixtureBucket } from "../fixture";
import { s3Objects } from "./s3-objects";

function bucketsOf(ctx: CallContext): Array<FixtureBucket & { region: string }> {
  const account = ctx.org.accounts.find((a) => a.id === ctx.accountId);
  return Object.entries(account?.regions ?? {}).flatMap(([region, r]) => (r.buckets ?? []).map((b) => ({ ...b, region })));
}

/** The operation from method, path and query, as S3's REST routing does. */
export function s3Operation(method: string, url: URL): { operation: string; bucket: string | null; key: string } {
  const [, first = "", ...rest] = url.pathname.split("/");
  const bucket = decodeURIComponent(first) || null;
  const key = rest.map(decodeURIComponent).join("/");
  if (method === "HEAD" && key) return { operation: "HeadObject", bucket, key };
  if (method !== "GET") return { operation: `${method}Unsupported`, bucket, key };
  if (!bucket) return { operation: "ListBuckets", bucket, key };
  if (key) return { operation: "GetObject", bucket, key };
  if (url.searchParams.get("list-type") === "2") return { operation: "ListObjectsV2", bucket, key };
  if (url.searchParams.has("encryption")) return { operation: "GetBucketEncryption", bucket, key };
  if (url.searchParams.has("location")) return { operation: "GetBucketLocation", bucket, key };
  return { operation: "Unsupported", bucket, key };
}

export function s3(ctx: CallContext, operation: string, bucketName: string | null, url: URL, key = ""): Answer {
  const folder = bucketName ? ctx.options.s3Folders?.[bucketName] : undefined;
  if (folder) return s3Objects(operation, folder, bucketName!, key, url, ctx.options.s3ListPageSize);
  const buckets = bucketsOf(ctx);
  if (operation === "ListBuckets") {
    const region = url.searchParams.get("bucket-region");
    const listed = buckets.filter((b) => !region || b.region === region);
    const page = pageOf(listed, url.searchParams.get("continuation-token"), Number(url.searchParams.get("max-buckets") ?? 10_000));
    const items = page.items.map((b) => `<Bucket>${xml({ Name: b.name, CreationDate: new Date("2024-03-01T00:00:00Z"), BucketRegion: b.region })}</Bucket>`).join("");
    return restXmlAnswer("ListAllMyBucketsResult", `<Owner><ID>owner-${ctx.accountId}</ID></Owner><Buckets>${items}</Buckets>${page.next ? `<ContinuationToken>${page.next}</ContinuationToken>` : ""}`);
  }
  const bucket = buckets.find((b) => b.name === bucketName);
  if (!bucket) return errorAnswer("restxml", 404, "NoSuchBucket", `The specified bucket does not exist: ${bucketName}`);
  if (operation === "GetBucketLocation") {
    return restXmlAnswer("LocationConstraint", bucket.region === "us-east-1" ? "" : bucket.region);
  }
  if (operation === "GetBucketEncryption") {
    if (!bucket.encryption) return errorAnswer("restxml", 404, "ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found");
    const e = bucket.encryption;
    const rule = xml({ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: e.algorithm, KMSMasterKeyID: e.keyRef }, BucketKeyEnabled: e.bucketKey ?? false });
    return restXmlAnswer("ServerSideEncryptionConfiguration", `<Rule>${rule}</Rule>`);
  }
  return errorAnswer("restxml", 405, "MethodNotAllowed", `S3 ${operation} is not served here`);
}
