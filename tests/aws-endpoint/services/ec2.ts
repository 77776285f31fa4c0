// EC2 (EC2 query, XML): DescribeRegions and DescribeVolumes with NextToken pagination.
import { keyArnOf } from "../fixture";
import { ec2Answer, errorAnswer, pageOf, xmlList, xmlRaw, type Answer } from "../wire";
import type { CallContext } from "../context";

/** EC2 reports the key of an encrypted volume as a key ARN (the account's aws/ebs by default). */
function volumeKeyArn(ctx: CallContext, ref: string | undefined): string | undefined {
  const key = ref
    ? ctx.regionFixture.keys.find((k) => k.keyId === ref || k.aliases?.includes(ref) || ref.endsWith(`key/${k.keyId}`))
    : ctx.regionFixture.keys.find((k) => k.aliases?.includes("alias/aws/ebs"));
  if (ref?.startsWith("arn:") && !key) return ref;
  return key ? keyArnOf(ctx.accountId, ctx.region, key.keyId) : ref;
}

function indexed(params: URLSearchParams, name: string): string[] {
  return [...params.entries()].filter(([k]) => k.startsWith(`${name}.`)).map(([, v]) => v);
}

export function ec2(ctx: CallContext, operation: string, params: URLSearchParams): Answer {
  switch (operation) {
    case "DescribeRegions": {
      const wanted = indexed(params, "RegionName");
      const all = [...ctx.org.regions.map((r) => ({ r, opt: "opt-in-not-required" })), ...(ctx.org.optOutRegions ?? []).map((r) => ({ r, opt: "not-opted-in" }))];
      const shown = all.filter((x) => (wanted.length ? wanted.includes(x.r) : true)).filter((x) => params.get("AllRegions") === "true" || x.opt !== "not-opted-in");
      const unknown = wanted.filter((w) => !all.some((x) => x.r === w));
      if (unknown.length) return errorAnswer("ec2", 400, "InvalidParameterValue", `Invalid region(s): ${unknown.join(", ")}`);
      const items = shown.map((x) => xmlRaw({ regionName: x.r, regionEndpoint: `ec2.${x.r}.amazonaws.com`, optInStatus: x.opt }));
      return ec2Answer(operation, `<regionInfo>${items.map((i) => `<item>${i}</item>`).join("")}</regionInfo>`);
    }
    case "DescribeVolumes": {
      const page = pageOf(ctx.regionFixture.volumes ?? [], params.get("NextToken"), Number(params.get("MaxResults") ?? 500));
      const items = page.items.map((v) =>
        xmlRaw({
          volumeId: v.id, size: v.sizeGiB, availabilityZone: `${ctx.region}a`, status: "in-use", createTime: new Date("2024-02-01T00:00:00Z"),
          volumeType: "gp3", encrypted: v.encrypted, kmsKeyId: v.encrypted ? volumeKeyArn(ctx, v.keyRef) : undefined,
          tagSet: xmlList(Object.entries(v.tags ?? {}).map(([key, value]) => ({ key, value })), "item"),
        }),
      );
      return ec2Answer(operation, `<volumeSet>${items.map((i) => `<item>${i}</item>`).join("")}</volumeSet>${page.next ? `<nextToken>${page.next}</nextToken>` : ""}`);
    }
    default:
      return errorAnswer("ec2", 400, "InvalidAction", `EC2 ${operation} is not served here`);
  }
}
