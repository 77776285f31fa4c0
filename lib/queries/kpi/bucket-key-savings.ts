// Projected monthly savings from S3 Bucket Keys per bucket (DOMAIN.md §6.5), on the current
// inventory: exact when the bucket is its key's only user, "estimated-shared" when the key's
// volume is split over several users, "no-data" (never a silent zero) when it is unknown.
// Priced in the rollup step (lib/rollups/bucket-key-savings.ts); this reads, filters and pages
// the stored list, so no request waits for the pricing.
import type { Db } from "@/lib/db/client";
import { buLabel } from "@/lib/domain/business-unit";
import { roundMoney, roundMoneyOrNull } from "@/lib/domain/money";
import type { AttributionBasis, BucketKeySavingsTotals } from "@/lib/kpi/bucket-key-savings";
import type { PerKeyRequestData, StoredBucketKeySavings } from "@/lib/rollups/bucket-key-savings";
import { loadPolicySettings } from "@/lib/settings/load";
import { OPEN_END } from "@/lib/domain/days";
import type { DimensionFilters } from "@/lib/domain/dimensions";

export type BucketKeySavingsRow = Omit<StoredBucketKeySavings, "businessUnit"> & { businessUnit: string };

export interface BucketKeySavingsResult {
  reduction: number;
  perKeyRequestData: PerKeyRequestData;
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

/** Before the first rollup priced them (a fresh install, an upgrade before the worker ran): nothing to show yet, and said so. */
const NOT_PRICED_YET: PerKeyRequestData = { available: false, days: 0, message: "Bucket Key savings are priced after the next ingestion.", billMonth: null };

interface Filter {
  where: string;
  values: unknown[];
  /** Only business unit and account: the stored totals (bucket_key_savings_total) have the answer. */
  totalsStored: boolean;
}

/** The filters a stored bucket row follows (a bucket is S3's: any other service has none). */
export type BucketFilters = Pick<DimensionFilters, "bu" | "account" | "region" | "env" | "service"> & {
  /** One bucket, by its ARN. */
  bucket?: string;
};

function filterOf(query: BucketFilters): Filter {
  const conditions: string[] = [];
  const values: unknown[] = [];
  if (query.bu?.length) conditions.push(`business_unit = ANY($${values.push(query.bu)}::text[])`);
  if (query.account?.length) conditions.push(`account_id = ANY($${values.push(query.account)}::text[])`);
  if (query.region?.length) conditions.push(`region = ANY($${values.push(query.region)}::text[])`);
  // The stored rows carry no environment: the bucket's current version has it.
  if (query.env?.length) conditions.push(`resource_arn IN (SELECT resource_arn FROM storage_resource_version WHERE valid_to = '${OPEN_END}'::date AND environment = ANY($${values.push(query.env)}::text[]))`);
  if (query.service?.length && !query.service.includes("S3")) conditions.push("false");
  if (query.bucket) conditions.push(`resource_arn = $${values.push(query.bucket)}`);
  const totalsStored = !query.region?.length && !query.env?.length && !query.service?.length && !query.bucket;
  return { where: conditions.length ? `WHERE ${conditions.join(" AND ")}` : "", values, totalsStored };
}

/**
 * bucketKeySavingsTotals summed in numeric: exact, as sumMoney is. From the per-BU/account totals
 * stored with the list (a few hundred rows) when the filter has no other dimension, else from the list.
 */
async function totalsOf(db: Db, filter: Filter): Promise<BucketKeySavingsTotals> {
  const rows = await db.$queryRawUnsafe<{ basis: AttributionBasis; buckets: number; savings: string | null }[]>(
    filter.totalsStored
      ? `SELECT basis, sum(buckets)::int AS buckets, sum(monthly_savings)::text AS savings FROM bucket_key_savings_total ${filter.where} GROUP BY basis`
      : `SELECT basis, count(*)::int AS buckets, sum(monthly_savings)::text AS savings FROM bucket_key_savings ${filter.where} GROUP BY basis`,
    ...filter.values,
  );
  const of = (basis: AttributionBasis) => rows.find((r) => r.basis === basis);
  const buckets = rows.reduce((a, r) => a + r.buckets, 0);
  const noData = of("no-data")?.buckets ?? 0;
  const unknown = buckets > 0 && noData === buckets;
  const sum = (basis: AttributionBasis) => (unknown ? null : roundMoney(of(basis)?.savings ?? "0"));
  return { exact: sum("exact"), estimated: sum("estimated-shared"), buckets, noData };
}

type StoredRow = Omit<BucketKeySavingsRow, "monthlySavings"> & { monthlySavings: string | null };

async function pageOf(db: Db, filter: Filter, page: number, pageSize: number): Promise<BucketKeySavingsRow[]> {
  const n = filter.values.length;
  const rows = await db.$queryRawUnsafe<StoredRow[]>(
    `SELECT resource_arn AS "resourceArn", key_arn AS "keyArn", basis, monthly_requests AS "monthlyRequests",
            monthly_savings::text AS "monthlySavings", request_source AS "requestSource", name, account_id AS "accountId",
            region, business_unit AS "businessUnit", encryption_class AS "encryptionClass"
     FROM bucket_key_savings ${filter.where} ORDER BY position LIMIT $${n + 1} OFFSET $${n + 2}`,
    ...filter.values,
    pageSize,
    (page - 1) * pageSize,
  );
  return rows.map((r) => ({ ...r, businessUnit: buLabel(r.businessUnit), monthlySavings: roundMoneyOrNull(r.monthlySavings) }));
}

export async function bucketKeySavingsReport(db: Db, query: BucketFilters & { page: number; pageSize: number }): Promise<BucketKeySavingsResult> {
  const filter = filterOf(query);
  const [basis, totals, items] = await Promise.all([
    db.bucketKeySavingsBasis.findUnique({ where: { id: 1 } }),
    totalsOf(db, filter),
    pageOf(db, filter, query.page, query.pageSize),
  ]);
  return {
    reduction: basis?.reduction ?? (await loadPolicySettings(db)).bucketKeyReduction,
    perKeyRequestData: basis ? (basis.perKeyRequestData as unknown as PerKeyRequestData) : NOT_PRICED_YET,
    totals,
    total: totals.buckets,
    page: query.page,
    pageSize: query.pageSize,
    items,
    caveats: CAVEATS,
  };
}
