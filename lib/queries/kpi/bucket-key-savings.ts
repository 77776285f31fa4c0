// Projected monthly savings from S3 Bucket Keys per bucket (DOMAIN.md §6.5), on the current
// inventory: exact when the bucket is its key's only user, "estimated-shared" when the key's
// volume is split over several users, "no-data" (never a silent zero) when it is unknown.
import { buLabel } from "@/lib/api/params";
import type { Db } from "@/lib/db/client";
import { applyPriceOverrides } from "@/lib/domain/prices";
import type { StorageResourceRecord } from "@/lib/domain/records";
import { bucketKeySavings, type AttributionBasis, type KeyUsers } from "@/lib/kpi/bucket-key-savings";
import { loadPolicySettings } from "@/lib/settings/load";
import { CURRENT } from "./key-records";
import { keyRequestVolumes, monthlyRequests } from "./key-request-volumes";

export interface BucketKeySavingsRow {
  resourceArn: string;
  name: string;
  accountId: string;
  region: string;
  businessUnit: string;
  keyArn: string | null;
  encryptionClass: string;
  basis: AttributionBasis;
  monthlyRequests: number | null;
  monthlySavings: number | null;
}

export interface BucketKeySavingsResult {
  reduction: number;
  perKeyRequestData: { available: boolean; days: number; message: string | null };
  totals: { exact: number; estimated: number; buckets: number; noData: number };
  total: number;
  page: number;
  pageSize: number;
  items: BucketKeySavingsRow[];
  /** Shown beside the numbers: what a Bucket Key changes besides cost. */
  caveats: string[];
}

const CAVEATS = [
  "Savings apply to objects written after the Bucket Key is enabled; existing objects need a copy to benefit.",
  "Policies or grants conditioned on the object ARN in the encryption context break: the context becomes the bucket ARN.",
];

export async function bucketKeySavingsReport(db: Db, query: { bu?: string[]; account?: string[]; page: number; pageSize: number }): Promise<BucketKeySavingsResult> {
  const [settings, volumes, resources] = await Promise.all([
    loadPolicySettings(db),
    keyRequestVolumes(db),
    db.storageResourceVersion.findMany({ where: { validTo: CURRENT, OR: [{ keyArn: { not: null } }, { service: "S3" }] } }),
  ]);
  const candidates = resources.filter((r) => r.service === "S3" && (!query.bu?.length || query.bu.includes(r.businessUnit)) && (!query.account?.length || query.account.includes(r.accountId)));
  // Every current user of a key shares its volume, whatever the filter shows.
  const usersByKey = new Map<string, KeyUsers>();
  for (const r of resources) {
    if (r.keyArn === null) continue;
    const users = usersByKey.get(r.keyArn!) ?? { bucketArns: [], otherUsers: 0 };
    if (r.service === "S3") users.bucketArns.push(r.resourceArn);
    else users.otherUsers += 1;
    usersByKey.set(r.keyArn!, users);
  }
  const keyArns = [...new Set(candidates.flatMap((r) => (r.keyArn ? [r.keyArn] : [])))];
  const keys = await db.kmsKeyVersion.findMany({ where: { validTo: CURRENT, keyArn: { in: keyArns } }, select: { keyArn: true, keySpec: true } });
  const records: StorageResourceRecord[] = candidates.map((r) => ({
    resourceArn: r.resourceArn,
    accountId: r.accountId,
    region: r.region,
    service: r.service,
    name: r.name,
    sizeBytes: r.sizeBytes,
    encryptionClass: r.encryptionClass,
    sseAlgorithm: r.sseAlgorithm,
    keyRef: r.keyRef,
    keyArn: r.keyArn,
    bucketKeyEnabled: r.bucketKeyEnabled,
    tags: {},
  }));
  const savings = bucketKeySavings(records, {
    requestsByKey: new Map(keyArns.map((arn) => [arn, monthlyRequests(volumes, arn)])),
    usersByKey,
    keySpecByKey: new Map(keys.map((k) => [k.keyArn, k.keySpec])),
    prices: applyPriceOverrides(settings.priceOverrides),
    reduction: settings.bucketKeyReduction,
  });
  const byArn = new Map(candidates.map((r) => [r.resourceArn, r]));
  const rows = savings
    .map((s) => {
      const r = byArn.get(s.resourceArn)!;
      return { ...s, name: r.name, accountId: r.accountId, region: r.region, businessUnit: buLabel(r.businessUnit), encryptionClass: r.encryptionClass };
    })
    // Largest savings first; "no data" after every known figure.
    .sort((a, b) => (b.monthlySavings ?? -1) - (a.monthlySavings ?? -1) || a.resourceArn.localeCompare(b.resourceArn));
  const sum = (basis: AttributionBasis) => rows.filter((r) => r.basis === basis).reduce((a, r) => a + (r.monthlySavings ?? 0), 0);
  return {
    reduction: settings.bucketKeyReduction,
    perKeyRequestData: { available: volumes.available, days: volumes.days, message: volumes.message },
    totals: { exact: sum("exact"), estimated: sum("estimated-shared"), buckets: rows.length, noData: rows.filter((r) => r.basis === "no-data").length },
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize),
    caveats: CAVEATS,
  };
}
