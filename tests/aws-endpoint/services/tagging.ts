// Resource Groups Tagging API (JSON 1.1, X-Amz-Target ResourceGroupsTaggingAPI_20170126.*).
import { errorAnswer, jsonAnswer, pageOf, type Answer } from "../wire";
import type { CallContext } from "../context";

export function tagging(ctx: CallContext, operation: string, input: Record<string, unknown>): Answer {
  if (operation !== "GetResources") return errorAnswer("json", 400, "UnknownOperationException", `Tagging ${operation} is not served here`);
  const { accountId, region, regionFixture: r } = ctx;
  const types = new Set((input.ResourceTypeFilters as string[] | undefined) ?? ["s3:bucket", "ec2:volume", "rds:db", "rds:cluster"]);
  const all: Array<{ arn: string; tags?: Record<string, string>; type: string }> = [
    ...(r.buckets ?? []).map((b) => ({ arn: `arn:aws:s3:::${b.name}`, tags: b.tags, type: "s3:bucket" })),
    ...(r.volumes ?? []).map((v) => ({ arn: `arn:aws:ec2:${region}:${accountId}:volume/${v.id}`, tags: v.tags, type: "ec2:volume" })),
    ...(r.dbInstances ?? []).map((d) => ({ arn: `arn:aws:rds:${region}:${accountId}:db:${d.id}`, tags: d.tags, type: "rds:db" })),
    ...(r.dbClusters ?? []).map((c) => ({ arn: `arn:aws:rds:${region}:${accountId}:cluster:${c.id}`, tags: c.tags, type: "rds:cluster" })),
  ];
  const tagged = all.filter((x) => types.has(x.type) && x.tags && Object.keys(x.tags).length > 0);
  const size = Math.min(100, Number(input.ResourcesPerPage ?? 50));
  const page = pageOf(tagged, (input.PaginationToken as string) || null, size);
  return jsonAnswer({
    ResourceTagMappingList: page.items.map((x) => ({ ResourceARN: x.arn, Tags: Object.entries(x.tags!).map(([Key, Value]) => ({ Key, Value })) })),
    PaginationToken: page.next ?? "",
  });
}
