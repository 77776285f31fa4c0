import type { AccountRecord } from "@/lib/domain/records";
import { businessUnitSpecs, ORGANIZATIONAL_UNITS, SHARED_ACCOUNT_NAMES, type BusinessUnitSpec } from "./catalog";
import { dayIndex } from "./days";
import type { ResolvedDemoOptions } from "./options";
import { Rng } from "./random";

export type Environment = "prod" | "staging" | "dev";

export interface DemoBusinessUnit extends BusinessUnitSpec {
  costCenter: string;
  owner: string;
}

export interface DemoAccount {
  record: AccountRecord;
  index: number;
  kind: "workload" | "shared";
  env: Environment;
  /** The business unit owning the account's workloads; null for shared accounts. */
  primaryBu: string | null;
  cmkCount: number;
  resourceCount: number;
  /** Day index the account (and its AWS managed keys) came to life. */
  createdIdx: number;
}

export interface DemoOrganization {
  options: ResolvedDemoOptions;
  startIdx: number;
  endIdx: number;
  businessUnits: DemoBusinessUnit[];
  accounts: DemoAccount[];
  /** The account holding the one key pending deletion that a database still uses. */
  pendingDeletionAccountId: string | null;
  /** Below this many CMKs the catalogue of special keys does not fit (tiny test organizations). */
  withSpecialKeys: boolean;
}

/** Splits `total` over weights so the parts are integers that add up exactly (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let missing = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (missing-- <= 0) break;
    parts[i]! += 1;
  }
  return parts;
}

export const SPECIAL_KEYS_MIN_CMKS = 40;

export function buildOrganization(options: ResolvedDemoOptions): DemoOrganization {
  const rng = new Rng(options.seed, "organization");
  const endIdx = dayIndex(options.endDay);
  const startIdx = endIdx - options.days + 1;
  const businessUnits = businessUnitSpecs(options.businessUnits).map((spec) => ({
    ...spec,
    costCenter: `CC-${rng.int(1000, 9899)}`,
    owner: `${spec.name}-platform-team`,
  }));

  const n = options.accounts;
  const sharedCount = n >= 6 ? Math.max(2, Math.round(n * 0.05)) : 0;
  const workloadCount = n - sharedCount;
  const prodCount = Math.ceil(workloadCount * 0.6);
  const usedIds = new Set<string>();
  const usedNames = new Map<string, number>();
  const accounts: Omit<DemoAccount, "cmkCount" | "resourceCount">[] = [];

  for (let i = 0; i < n; i++) {
    let accountId = rng.digits(12);
    while (usedIds.has(accountId)) accountId = rng.digits(12);
    usedIds.add(accountId);
    const shared = i >= workloadCount;
    const prod = i < prodCount;
    const buIndex = prod ? i % businessUnits.length : (i - prodCount) % businessUnits.length;
    const primaryBu = shared ? null : businessUnits[buIndex]!.name;
    const env: Environment = shared || prod ? "prod" : (i - prodCount) % 2 === 0 ? "staging" : "dev";
    const baseName = shared ? (SHARED_ACCOUNT_NAMES[(i - workloadCount) % SHARED_ACCOUNT_NAMES.length] ?? "shared") : `${primaryBu}-${env}`;
    const seen = usedNames.get(baseName) ?? 0;
    usedNames.set(baseName, seen + 1);
    const name = seen === 0 ? baseName : `${baseName}-${seen + 1}`;
    accounts.push({
      record: {
        accountId,
        name,
        organizationalUnit: shared ? ORGANIZATIONAL_UNITS.shared : prod ? ORGANIZATIONAL_UNITS.production : ORGANIZATIONAL_UNITS.nonProduction,
        email: `aws+${name}@example.com`,
        status: "ACTIVE",
      },
      index: i,
      kind: shared ? "shared" : "workload",
      env,
      primaryBu,
      createdIdx: startIdx - rng.int(400, 3000),
    });
  }

  // Production accounts hold most of the data; shared accounts hold keys more than data.
  const cmkCounts = apportion(options.keys, accounts.map((a) => (a.kind === "shared" ? 1.2 : a.env === "prod" ? 1.4 : 0.8)));
  const resourceCounts = apportion(options.resources, accounts.map((a) => (a.kind === "shared" ? 0.3 : a.env === "prod" ? 1.5 : 0.8)));
  const withSpecialKeys = options.keys >= SPECIAL_KEYS_MIN_CMKS;
  const full = accounts.map((a, i) => ({ ...a, cmkCount: cmkCounts[i]!, resourceCount: resourceCounts[i]! }));
  // The first production account: its databases make the one "pending deletion but in use" case.
  const pendingHost = withSpecialKeys ? full.find((a) => a.kind === "workload" && a.env === "prod" && a.resourceCount > 0) : undefined;

  return {
    options,
    startIdx,
    endIdx,
    businessUnits,
    accounts: full,
    pendingDeletionAccountId: pendingHost?.record.accountId ?? null,
    withSpecialKeys,
  };
}
