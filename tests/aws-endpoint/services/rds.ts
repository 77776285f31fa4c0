// RDS (AWS query, XML): DescribeDBInstances / DescribeDBClusters with Marker pagination.
import { keyArnOf } from "../fixture";
import { errorAnswer, pageOf, queryAnswer, xmlList, xmlRaw, type Answer } from "../wire";
import type { CallContext } from "../context";

const NS = "http://rds.amazonaws.com/doc/2014-10-31/";

/** RDS reports the key as a key ARN, whatever form it was given in. */
function kmsKeyArn(ctx: CallContext, ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  if (ref.startsWith("arn:")) return ref;
  const key = ctx.regionFixture.keys.find((k) => k.keyId === ref || k.aliases?.includes(ref));
  return key ? keyArnOf(ctx.accountId, ctx.region, key.keyId) : ref;
}

const tagList = (tags: Record<string, string> | undefined) => xmlList(Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value })), "Tag");

export function rds(ctx: CallContext, operation: string, params: URLSearchParams): Answer {
  const { accountId, region, regionFixture: r } = ctx;
  const size = Number(params.get("MaxRecords") ?? 100);
  const awsRdsKey = r.keys.find((k) => k.aliases?.includes("alias/aws/rds"));
  const defaultKey = awsRdsKey ? keyArnOf(accountId, region, awsRdsKey.keyId) : undefined;
  switch (operation) {
    case "DescribeDBInstances": {
      const page = pageOf(r.dbInstances ?? [], params.get("Marker"), size);
      const items = page.items.map((d) =>
        xmlRaw({
          DBInstanceIdentifier: d.id, DBInstanceClass: "db.t3.medium", Engine: d.engine, DBInstanceStatus: "available",
          AllocatedStorage: d.sizeGiB, StorageEncrypted: d.encrypted, KmsKeyId: d.encrypted ? (kmsKeyArn(ctx, d.keyRef) ?? defaultKey) : undefined,
          DBClusterIdentifier: d.clusterId, DBInstanceArn: `arn:aws:rds:${region}:${accountId}:db:${d.id}`, TagList: tagList(d.tags),
        }),
      );
      return queryAnswer(operation, NS, `<DBInstances>${items.map((i) => `<DBInstance>${i}</DBInstance>`).join("")}</DBInstances>${page.next ? `<Marker>${page.next}</Marker>` : ""}`);
    }
    case "DescribeDBClusters": {
      const page = pageOf(r.dbClusters ?? [], params.get("Marker"), size);
      const items = page.items.map((c) =>
        xmlRaw({
          DBClusterIdentifier: c.id, Engine: c.engine, Status: "available", AllocatedStorage: 1, StorageEncrypted: c.encrypted,
          KmsKeyId: c.encrypted ? (kmsKeyArn(ctx, c.keyRef) ?? defaultKey) : undefined, DBClusterArn: `arn:aws:rds:${region}:${accountId}:cluster:${c.id}`, TagList: tagList(c.tags),
        }),
      );
      return queryAnswer(operation, NS, `<DBClusters>${items.map((i) => `<DBCluster>${i}</DBCluster>`).join("")}</DBClusters>${page.next ? `<Marker>${page.next}</Marker>` : ""}`);
    }
    default:
      return errorAnswer("query", 400, "InvalidAction", `RDS ${operation} is not served here`);
  }
}
