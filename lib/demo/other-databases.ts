// DocumentDB and Neptune in the shapes DescribeDBInstances / DescribeDBClusters list them, next to
// the RDS databases of the same account-region (placeholder AllocatedStorage 1, as AWS reports).
// The demo applies the collector's rule to them (lib/domain/rds-engines.ts): none becomes a
// resource, and each account-region that has some gets the RDS_ENGINE_SKIPPED notice a real run
// would record, in the demo's run (lib/demo/run.ts).
import type { DBCluster, DBInstance } from "@aws-sdk/client-rds";
import type { IngestionWarningRecord } from "@/lib/domain/records";
import { isRdsEngineInScope, RDS_ENGINE_SKIPPED, SkippedDatabases } from "@/lib/domain/rds-engines";
import type { DemoAccount, DemoOrganization } from "./org";
import { Rng } from "./random";

interface RegionDatabases {
  instances: DBInstance[];
  clusters: DBCluster[];
}

const ENGINES = [
  { engine: "docdb", name: "docs", chance: 0.35 },
  { engine: "neptune", name: "graph", chance: 0.2 },
] as const;

/**
 * The account's DocumentDB / Neptune clusters and their instances, by region. Own random stream:
 * the rest of the demo draws the same numbers with or without them. The first production
 * account always has one of each, so every demo shows the notice.
 */
export function otherDatabases(org: DemoOrganization, account: DemoAccount): Map<string, RegionDatabases> {
  const rng = new Rng(org.options.seed, "other-databases", account.record.accountId);
  const always = account.index === 0;
  const byRegion = new Map<string, RegionDatabases>();
  for (const { engine, name, chance } of ENGINES) {
    if (!always && !rng.chance(chance)) continue;
    const region = always ? org.options.regions[0]! : rng.pick(org.options.regions);
    const entry = byRegion.get(region) ?? { instances: [], clusters: [] };
    byRegion.set(region, entry);
    const arn = (kind: string, id: string) => `arn:aws:rds:${region}:${account.record.accountId}:${kind}:${id}`;
    const clusterId = `${name}-${account.env}`;
    entry.clusters.push({ DBClusterArn: arn("cluster", clusterId), DBClusterIdentifier: clusterId, Engine: engine, StorageEncrypted: true, AllocatedStorage: 1 });
    for (let i = 1, n = rng.int(1, 3); i <= n; i++) {
      entry.instances.push({
        DBInstanceArn: arn("db", `${clusterId}-${i}`), DBInstanceIdentifier: `${clusterId}-${i}`, DBClusterIdentifier: clusterId,
        Engine: engine, StorageEncrypted: true, AllocatedStorage: 1,
      });
    }
  }
  return byRegion;
}

/** The RDS_ENGINE_SKIPPED notices the account's snapshots would record, one per account-region. */
export function skippedDatabaseNotices(org: DemoOrganization, account: DemoAccount): IngestionWarningRecord[] {
  const notices: IngestionWarningRecord[] = [];
  for (const [region, { instances, clusters }] of otherDatabases(org, account)) {
    const skipped = new SkippedDatabases();
    for (const db of instances) if (!isRdsEngineInScope(db.Engine)) skipped.instance(db.Engine);
    for (const cluster of clusters) if (!isRdsEngineInScope(cluster.Engine)) skipped.cluster(cluster.Engine!);
    const message = skipped.message();
    if (message) notices.push({ accountId: account.record.accountId, region, source: "resources", code: RDS_ENGINE_SKIPPED, message });
  }
  return notices.sort((a, b) => a.region!.localeCompare(b.region!));
}
