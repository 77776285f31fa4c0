// Names the demo organization is built from. The first six business units carry the story a
// FinOps person reads in the charts (one fast, one stuck, one regressing); more units, for the
// large preset, are ordinary ones with generic applications.

/** How a business unit's CMK coverage moves over the history. */
export type CoverageTrend = "fast" | "steady" | "stuck" | "regressing";

export interface BusinessUnitSpec {
  name: string;
  apps: string[];
  trend: CoverageTrend;
  /** Share of resources protected by a CMK on the first and the last day. */
  coverageStart: number;
  coverageEnd: number;
}

const STORY_UNITS: BusinessUnitSpec[] = [
  { name: "payments", apps: ["checkout-api", "ledger", "settlement", "card-vault"], trend: "steady", coverageStart: 0.62, coverageEnd: 0.8 },
  { name: "identity", apps: ["auth", "sso", "user-directory"], trend: "fast", coverageStart: 0.3, coverageEnd: 0.88 },
  { name: "data-platform", apps: ["lake", "etl", "warehouse", "kafka"], trend: "steady", coverageStart: 0.4, coverageEnd: 0.55 },
  { name: "marketing", apps: ["campaigns", "cms", "web-analytics"], trend: "stuck", coverageStart: 0.18, coverageEnd: 0.2 },
  { name: "logistics", apps: ["routing", "tracking", "warehouse-mgmt"], trend: "regressing", coverageStart: 0.7, coverageEnd: 0.6 },
  { name: "ml-research", apps: ["feature-store", "training", "notebooks"], trend: "steady", coverageStart: 0.25, coverageEnd: 0.4 },
];

const MORE_UNIT_NAMES = [
  "checkout", "fraud", "search", "recommendations", "billing", "crm", "hr-systems", "analytics",
  "mobile", "web-platform", "iot", "supply-chain", "customer-support", "finance", "risk",
  "compliance", "media", "streaming", "ads", "partner-api", "loyalty", "pricing", "inventory",
  "warehouse", "fleet", "maps", "notifications", "messaging", "devops", "observability",
  "security-eng", "legal", "procurement", "travel",
];

const GENERIC_APPS = ["api", "db", "worker", "web", "batch"];
const TRENDS: CoverageTrend[] = ["steady", "steady", "fast", "stuck", "steady", "regressing"];

export function businessUnitSpecs(count: number): BusinessUnitSpec[] {
  const units: BusinessUnitSpec[] = [];
  for (let i = 0; i < count; i++) {
    const story = STORY_UNITS[i];
    if (story) {
      units.push(story);
      continue;
    }
    const name = MORE_UNIT_NAMES[i - STORY_UNITS.length] ?? `unit-${String(i + 1).padStart(3, "0")}`;
    const trend = TRENDS[i % TRENDS.length]!;
    const start = 0.2 + ((i * 37) % 50) / 100;
    const end = trend === "fast" ? Math.min(0.92, start + 0.4) : trend === "stuck" ? start + 0.01 : trend === "regressing" ? start - 0.08 : Math.min(0.9, start + 0.15);
    units.push({ name, apps: GENERIC_APPS.map((app) => `${name}-${app}`), trend, coverageStart: start, coverageEnd: end });
  }
  return units;
}

/** Cost Explorer usage-type prefix of each region (eu-west-1 is the historical "EU"). */
export const REGION_PREFIX: Record<string, string> = {
  "us-east-1": "USE1",
  "us-east-2": "USE2",
  "us-west-2": "USW2",
  "eu-west-1": "EU",
  "eu-central-1": "EUC1",
  "ap-southeast-2": "APS2",
  "ap-northeast-1": "APN1",
};

export function regionPrefix(region: string): string {
  const prefix = REGION_PREFIX[region];
  if (!prefix) throw new Error(`no usage-type prefix known for region ${region}`);
  return prefix;
}

/** Most workloads sit in the first region, fewer in the others. */
export function regionWeights(regions: string[]): [string, number][] {
  return regions.map((region, i) => [region, i === 0 ? 0.55 : 0.45 / Math.max(1, regions.length - 1) * (i === 1 ? 1.3 : 0.7)]);
}

export const ORGANIZATIONAL_UNITS = { production: "Production", nonProduction: "NonProduction", shared: "Security/Shared" } as const;

export const SHARED_ACCOUNT_NAMES = ["security-tooling", "shared-services", "log-archive", "network-hub", "backup-vault"];

export const CLASSIFICATIONS: [string, number][] = [
  ["public", 0.08],
  ["internal", 0.4],
  ["confidential", 0.36],
  ["restricted", 0.16],
];
