// Projected monthly savings from S3 Bucket Keys per bucket (DOMAIN.md §6.5), on the current
// inventory: exact when the bucket is its key's only user, "estimated-shared" when the key's
// volume is split over several users, "no-data" (never a silent zero) when it is unknown.
import type { Db } from "@/lib/db/client";
import { roundMoneyOrNull } from "@/lib/domain/money";
import { applyPriceOverrides } from "@/lib/domain/prices";
import type { StorageResourceRecord } from "@/lib/domain/records";
import { bucketKeySavings, bucketKeySavingsTotals, type AttributionBasis, type BucketKeySavingsTotals, type KeyUsers } from "@/lib/kpi/bucket-key-savings";
import { loadPolicySettings } from "@/lib/settings/load";
import type { BillReferenceMonth } from "./key-bill";
import { keyRequestVolumes, monthlyRequests } from "./key-request-volumes";
import { OPEN_END, OPEN_END_DATE } from "@/lib/domain/days";
import { buLabel } from "@/lib/domain/business-unit";
import { GenerationMemo } from "@/lib/db/generation-memo";

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
  /** Where the key's request volume comes from: the imported bill, Cost Explorer, or null (no data). */
  requestSource: "bill" | "costExplorer" | null;
  monthlySavings: number | null;
}

export interface BucketKeySavingsResult {
  reduction: number;
  perKeyRequestData: { available: boolean; days: number; message: string | null; billMonth: BillReferenceMonth | null };
  /** exact/estimated are null when candidates exist but none has per-key data (unknown, not $0). */
  totals: BucketKeySavingsTotals;
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

type Candidate = Omit<StorageResourceRecord, "tags"> & { businessUnit: string };

interface SavingsRow extends BucketKeySavingsRow {
  /** The stored business unit ("" when untagged), which the filter matches. */
  rawBusinessUnit: string;
}

interface OrganizationSavings {
  reduction: number;
  perKeyRequestData: BucketKeySavingsResult["perKeyRequestData"];
  /** Every candidate bucket of the organization, largest savings first. */
  rows: SavingsRow[];
  totals: BucketKeySavingsResult["totals"];
}

const totalsOf = (rows: SavingsRow[]): BucketKeySavingsResult["totals"] => bucketKeySavingsTotals(rows);

/**
 * Every candidate bucket's savings. A bucket's figure does not depend on which buckets a filter
 * lists (its key's volume is shared by all the key's current users), so the organization's list
 * is computed once per data generation and each request filters and pages it in memory.
 */
async function organizationSavings(db: Db): Promise<OrganizationSavings> {
  // Only the candidates' rows are read (the same conditions as isBucketKeyCandidate, which still
  // decides); the keys' other users are counted in SQL: reading every current resource of a large
  // estate into memory to count them took a minute at 1,000,000 resources (BENCHMARKS.md).
  const [settings, candidates] = await Promise.all([
    loadPolicySettings(db),
    // Literal conditions, so the planner matches the partial index of migration 20261123110000.
    db.$queryRawUnsafe<Candidate[]>(
      `SELECT resource_arn AS "resourceArn", name, account_id AS "accountId", region, business_unit AS "businessUnit",
              service::text AS service, size_bytes AS "sizeBytes", encryption_class::text AS "encryptionClass",
              sse_algorithm AS "sseAlgorithm", key_ref AS "keyRef", key_arn AS "keyArn", bucket_key_enabled AS "bucketKeyEnabled"
       FROM storage_resource_version
       WHERE valid_to = '${OPEN_END}'::date AND service = 'S3' AND sse_algorithm = 'aws:kms' AND bucket_key_enabled = false
         AND encryption_class IN ('CUSTOMER_KMS', 'AWS_MANAGED_KMS')`,
    ),
  ]);
  const keyArns = [...new Set(candidates.flatMap((r) => (r.keyArn ? [r.keyArn] : [])))];
  const [volumes, userCounts, keys] = await Promise.all([
    keyRequestVolumes(db, keyArns),
    db.$queryRawUnsafe<{ key_arn: string; users: number }[]>(
      `SELECT key_arn, count(*)::int AS users FROM storage_resource_version
       WHERE valid_to = $1::date AND key_arn = ANY($2::text[]) GROUP BY key_arn`,
      OPEN_END,
      keyArns,
    ),
    db.kmsKeyVersion.findMany({ where: { validTo: OPEN_END_DATE, keyArn: { in: keyArns } }, select: { keyArn: true, keySpec: true } }),
  ]);
  // Every current user of a key shares its volume: its candidate buckets by ARN, and all its
  // other users (buckets with a Bucket Key, volumes, databases) as a count.
  const usersByKey = new Map<string, KeyUsers>();
  for (const r of candidates) {
    if (r.keyArn === null) continue;
    const users = usersByKey.get(r.keyArn) ?? { bucketArns: [], otherUsers: 0 };
    users.bucketArns.push(r.resourceArn);
    usersByKey.set(r.keyArn, users);
  }
  for (const { key_arn, users } of userCounts) {
    const entry = usersByKey.get(key_arn);
    if (entry) entry.otherUsers = users - entry.bucketArns.length;
  }
  const records: StorageResourceRecord[] = candidates.map((r) => ({ ...r, tags: {} }));
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
      // Modeled (requests × price × reduction, floats): rounded here, at the edge, to the API's 10 decimals.
      const requestSource = s.monthlyRequests === null ? null : s.keyArn && volumes.billMonthlyByKey.has(s.keyArn) ? ("bill" as const) : ("costExplorer" as const);
      return { ...s, requestSource, monthlySavings: roundMoneyOrNull(s.monthlySavings), name: r.name, accountId: r.accountId, region: r.region, businessUnit: buLabel(r.businessUnit), rawBusinessUnit: r.businessUnit, encryptionClass: r.encryptionClass };
    })
    // Largest savings first; "no data" after every known figure; ties (a shared key's buckets) by
    // ARN in code-point order (localeCompare took seconds over 90,000 buckets).
    .sort((a, b) => (b.monthlySavings ?? -1) - (a.monthlySavings ?? -1) || (a.resourceArn < b.resourceArn ? -1 : a.resourceArn > b.resourceArn ? 1 : 0));
  return { reduction: settings.bucketKeyReduction, perKeyRequestData: { available: volumes.available, days: volumes.days, message: volumes.message, billMonth: volumes.billMonth }, rows, totals: totalsOf(rows) };
}

const organization = new GenerationMemo(organizationSavings);

export async function bucketKeySavingsReport(db: Db, query: { bu?: string[]; account?: string[]; page: number; pageSize: number }): Promise<BucketKeySavingsResult> {
  const all = await organization.get(db);
  const bu = query.bu?.length ? new Set(query.bu) : null;
  const account = query.account?.length ? new Set(query.account) : null;
  // Unfiltered (the overview, the savings page's default) the organization's totals stand.
  const rows = bu || account ? all.rows.filter((r) => (!bu || bu.has(r.rawBusinessUnit)) && (!account || account.has(r.accountId))) : all.rows;
  return {
    reduction: all.reduction,
    perKeyRequestData: all.perKeyRequestData,
    totals: rows === all.rows ? all.totals : totalsOf(rows),
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map(({ rawBusinessUnit: _, ...row }) => row),
    caveats: CAVEATS,
  };
}
