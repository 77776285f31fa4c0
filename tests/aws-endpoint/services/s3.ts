// S3 (REST-XML, path-style addressing): ListBuckets (global for the account, BucketRegion filter),
// GetBucketLocation, GetBucketEncryption.
import { errorAnswer, pageOf, restXmlAnswer, xml, type Answer } from "../wire";
import type { CallContext } from "../context";
import type { FixtureBucket } from "../fixture";

function bucketsOf(ctx: CallContext): Array<FixtureBucket & { region: string }> {
  const account = ctx.org.accounts.find((a) => a.id === ctx.accountId);
  return Object.entries(account?.regions ?? {}).flatMap(([region, r]) => (r.buckets ?? []).map((b) => ({ ...b, region })));
}

/** The operation from method, path and query, as S3's REST routing does. */
export function s3Operation(method: string, url: URL): { operation: string; bucket: string | null } {
  const bucket = decodeURIComponent(url.pathname.split("/")[1] ?? "") || null;
  if (method !== "GET") return { operation: `${method}Unsupported`, bucket };
  if (!bucket) return { operation: "ListBuckets", bucket };
  if (url.searchParams.has("encryption")) return { operation: "GetBucketEncryption", bucket };
  if (url.searchParams.has("location")) return { operation: "GetBucketLocation", bucket };
  return { operation: "Unsupported", bucket };
}

export function s3(ctx: CallContext, operation: string, bucketName: string | null, url: URL): Answer {
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
