// An export in S3, read with ListObjectsV2 and GetObject only, through the ingestion's read-only
// guard, pacing, retries and timeouts (jobs/aws/clients.ts). Credentials: the ingestion role in
// INGEST_MANAGEMENT_ACCOUNT when one is set (exports are usually delivered to a bucket of the
// management account), else the base credentials, as for Cost Explorer.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import { createAwsClients, createBillExportS3Client, destroyAwsClients } from "@/jobs/aws/clients";
import { Pacer, RequestCounter } from "@/jobs/aws/pacing";
import { assumeRoleCredentials } from "@/jobs/collectors/accounts";
import { env } from "@/lib/config/env";
import type { IngestionConfig } from "@/lib/config/ingestion";
import { ExportSourceError, isDataKey, isManifestKey, type ExportObject } from "@/lib/bill/import/plan";
import type { ExportSource } from "@/lib/bill/import/source";

export type S3Location = { bucket: string; prefix: string };

/** s3://bucket/prefix → bucket and prefix (no leading or trailing slash). */
export function parseS3Location(uri: string): S3Location {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(uri.trim());
  if (!match) throw new ExportSourceError(`${uri}: not an S3 location (expected s3://bucket/prefix)`);
  return { bucket: match[1]!, prefix: (match[2] ?? "").replace(/^\/+|\/+$/g, "") };
}

export type BillS3Session = { client: S3Client; counter: RequestCounter; close(): void };

/** The S3 client of an import, with the ingestion's credentials, role and pacing. */
export function openBillS3Session(config: IngestionConfig, region = env().AWS_REGION): BillS3Session {
  const counter = new RequestCounter();
  const pacer = new Pacer({ quotaShare: config.quotaShare });
  if (config.skipAssumeRole || !config.managementAccountId) {
    const client = createBillExportS3Client({ region, pacer, counter });
    return { client, counter, close: () => client.destroy() };
  }
  const base = createAwsClients({ region, pacer, counter });
  const credentials = assumeRoleCredentials(base.sts, {
    accountId: config.managementAccountId,
    roleName: config.roleName,
    externalId: config.externalId ?? undefined,
    sessionName: "kms-finops-bill-import",
  });
  const client = createBillExportS3Client({ region, credentials, pacer, counter });
  return {
    client,
    counter,
    close: () => {
      client.destroy();
      destroyAwsClients(base);
    },
  };
}

export function s3Source(client: S3Client, location: S3Location, exportName?: string): ExportSource {
  const root = [location.prefix, exportName].filter(Boolean).join("/");
  const description = `s3://${location.bucket}/${root}`;
  const get = async (key: string) => {
    const out = await client.send(new GetObjectCommand({ Bucket: location.bucket, Key: key }));
    if (!out.Body) throw new Error(`s3://${location.bucket}/${key}: GetObject returned no body`);
    return out;
  };
  return {
    description,
    async list() {
      const objects: ExportObject[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: location.bucket, Prefix: root ? `${root}/` : undefined, ContinuationToken: token }));
        for (const o of page.Contents ?? []) {
          if (!o.Key || (!isDataKey(o.Key) && !isManifestKey(o.Key))) continue;
          objects.push({ key: o.Key, size: Number(o.Size ?? 0), tag: o.ETag ?? "", modifiedAt: o.LastModified ?? new Date(0) });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return objects;
    },
    readText: async (object) => (await get(object.key)).Body!.transformToString("utf8"),
    async localFile(object) {
      const dir = await mkdtemp(path.join(tmpdir(), "kms-bill-"));
      const file = path.join(dir, path.posix.basename(object.key));
      const release = () => rm(dir, { recursive: true, force: true });
      try {
        const out = await get(object.key);
        await pipeline(out.Body as Readable, createWriteStream(file));
        const { size } = await stat(file);
        if (size !== object.size) throw new Error(`s3://${location.bucket}/${object.key}: downloaded ${size} of ${object.size} bytes`);
      } catch (error) {
        await release();
        throw error;
      }
      return { path: file, release };
    },
  };
}
