// The demo emits what AWS really returns, so it runs through the same paths as AWS data:
// DocumentDB / Neptune in the RDS listing (skipped, with the collector's notice), buckets on
// another account's key by alias ARN, and KMS's own next rotation date.
import { beforeAll, describe, expect, it } from "vitest";
import { demoOrganization } from "@/lib/demo/generate";
import { otherDatabases, skippedDatabaseNotices } from "@/lib/demo/other-databases";
import { buildKeyIndex, encryptionClassForResolution, resolveKeyRef } from "@/lib/domain/key-resolution";
import { nonCompliantReason } from "@/lib/kpi/compliance";
import { END_DAY, generate, groupBy, type Generated } from "./fixtures";

const DAY_MS = 86_400_000;
let demo: Generated;
beforeAll(() => {
  demo = generate({ seed: 42 });
});

describe("DocumentDB and Neptune in the demo", () => {
  const org = demoOrganization({ seed: 42, endDay: END_DAY });

  it("lists them as DescribeDBInstances does and stores none of them as a resource", () => {
    const listed = org.accounts.flatMap((a) => [...otherDatabases(org, a).values()]);
    const instances = listed.flatMap((r) => r.instances);
    expect(new Set(instances.map((i) => i.Engine))).toEqual(new Set(["docdb", "neptune"]));
    expect(instances.every((i) => i.AllocatedStorage === 1 && i.DBClusterIdentifier)).toBe(true);
    const stored = new Set(demo.resources.map((v) => v.record.resourceArn));
    const arns = [...instances.map((i) => i.DBInstanceArn!), ...listed.flatMap((r) => r.clusters.map((c) => c.DBClusterArn!))];
    expect(arns.filter((arn) => stored.has(arn))).toEqual([]);
  });

  it("gives the first account the collector's RDS_ENGINE_SKIPPED notice, counted by hand", () => {
    const first = org.accounts[0]!;
    const [only] = [...otherDatabases(org, first).entries()];
    const [region, { instances, clusters }] = only!;
    const n = (engine: string) => instances.filter((i) => i.Engine === engine).length;
    expect(clusters.map((c) => c.Engine)).toEqual(["docdb", "neptune"]);
    expect(skippedDatabaseNotices(org, first)).toEqual([{
      accountId: first.record.accountId, region, source: "resources", code: "RDS_ENGINE_SKIPPED",
      message: `Skipped databases outside the RDS/Aurora scope (DocumentDB, Neptune, ...): docdb ${n("docdb")}, docdb cluster 1, neptune ${n("neptune")}, neptune cluster 1`,
    }]);
  });
});

describe("buckets on another account's key", () => {
  it("name it by alias ARN and are classified as ingestion classifies them: a CMK, key unresolved", () => {
    const shared = demo.resourcesOn(END_DAY).map((v) => v.record).filter((r) => r.keyRef?.includes(":999988887777:alias/shared"));
    expect(shared.length).toBeGreaterThan(0);
    for (const r of shared) {
      expect(r.service).toBe("S3");
      expect(r.keyRef).toBe(`arn:aws:kms:${r.region}:999988887777:alias/shared`);
      // Against the account-region's real key inventory, as the collector would resolve it.
      const keys = demo.keysOn(END_DAY).filter((k) => k.accountId === r.accountId && k.region === r.region);
      const index = buildKeyIndex(keys, { accountId: r.accountId, region: r.region });
      const resolution = resolveKeyRef(r.keyRef, index, "alias/aws/s3");
      expect([r.encryptionClass, r.keyArn]).toEqual([encryptionClassForResolution(resolution, index), resolution.keyArn]);
      expect([r.encryptionClass, r.keyArn]).toEqual(["CUSTOMER_KMS", null]);
      // A CMK whose state cannot be seen counts as usable, even where a CMK is required.
      expect(nonCompliantReason(r, null, true)).toBeNull();
    }
  });
});

describe("next rotation date of demo keys", () => {
  it("is the next scheduled rotation while rotation is on, and null otherwise", () => {
    for (const v of demo.keys) {
      const k = v.record;
      if (!k.rotationEnabled) {
        expect(k.nextRotationDate, k.keyArn).toBeNull();
        continue;
      }
      expect(k.nextRotationDate, k.keyArn).not.toBeNull();
      if (k.lastRotatedAt) expect(k.nextRotationDate!.getTime() - k.lastRotatedAt.getTime()).toBe(k.rotationPeriodDays! * DAY_MS);
    }
  });

  it("moves only with a rotation or a rotation setting: it opens no version of its own", () => {
    for (const versions of groupBy(demo.keys, (v) => v.record.keyArn).values()) {
      for (let i = 1; i < versions.length; i++) {
        const [a, b] = [versions[i - 1]!.record, versions[i]!.record];
        if (a.nextRotationDate?.getTime() === b.nextRotationDate?.getTime()) continue;
        expect([a.rotationCount, a.rotationEnabled, a.rotationPeriodDays]).not.toEqual([b.rotationCount, b.rotationEnabled, b.rotationPeriodDays]);
      }
    }
  });
});
