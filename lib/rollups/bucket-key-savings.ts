// bucket_key_savings: every candidate bucket's projected Bucket Key savings (DOMAIN.md §6.5),
// priced here, in the rollup step, and read by the overview, the savings page and the showback
// pack (lib/queries/kpi/bucket-key-savings.ts). Pricing ~90,000 buckets in JS took seconds at
// 1,000,000 resources, and the first viewer after every ingestion waited for it. A bucket's
// figure does not depend on which buckets a filter lists (its key's volume is shared by all the
// key's current users), so the organization's list is stored once, ranked, and filtered in SQL.
// Like key_current_stats it describes the latest snapshot: rebuilt whenever the rollups are,
// after a bill import (the bill's request volumes) and after a savings setting is saved.
import type { Db } from "@/lib/db/client";
import { OPEN_END, OPEN_END_DATE } from "@/lib/domain/days";
import { moneyText, roundMoneyOrNull } from "@/lib/domain/money";
import { applyPriceOverrides } from "@/lib/domain/prices";
import type { StorageResourceRecord } from "@/lib/domain/records";
import { bucketKeySavings, type AttributionBasis, type KeyUsers } from "@/lib/kpi/bucket-key-savings";
import type { BillReferenceMonth } from "@/lib/queries/kpi/key-bill";
import { keyRequestVolumes, monthlyRequests } from "@/lib/queries/kpi/key-request-volumes";
import { loadPolicySettings } from "@/lib/settings/load";

export interface StoredBucketKeySavings {
  resourceArn: string;
  name: string;
  accountId: string;
  region: string;
  /** The stored business unit ("" when untagged), which the filter matches. */
  businessUnit: string;
  keyArn: string | null;
  encryptionClass: string;
  basis: AttributionBasis;
  monthlyRequests: number | null;
  /** Where the key's request volume comes from: the imported bill, Cost Explorer, or null (no data). */
  requestSource: "bill" | "costExplorer" | null;
  /** Rounded to the API's 10 decimals. */
  monthlySavings: number | null;
}

export interface PerKeyRequestData {
  available: boolean;
  days: number;
  message: string | null;
  billMonth: BillReferenceMonth | null;
}

export interface OrganizationBucketKeySavings {
  reduction: number;
  perKeyRequestData: PerKeyRequestData;
  /** Every candidate bucket of the organization, in the report's order: largest savings first. */
  rows: StoredBucketKeySavings[];
}

type Candidate = Omit<StorageResourceRecord, "tags"> & { businessUnit: string };

/** Every candidate bucket of the current inventory, priced with the stored settings. */
export async function computeBucketKeySavings(db: Db): Promise<OrganizationBucketKeySavings> {
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
    .map((s): StoredBucketKeySavings => {
      const r = byArn.get(s.resourceArn)!;
      // Modeled (requests × price × reduction, floats): rounded here, at the edge, to the API's 10 decimals.
      const requestSource = s.monthlyRequests === null ? null : s.keyArn && volumes.billMonthlyByKey.has(s.keyArn) ? ("bill" as const) : ("costExplorer" as const);
      return { ...s, requestSource, monthlySavings: roundMoneyOrNull(s.monthlySavings), name: r.name, accountId: r.accountId, region: r.region, businessUnit: r.businessUnit, encryptionClass: r.encryptionClass };
    })
    // Largest savings first; "no data" after every known figure; ties (a shared key's buckets) by
    // ARN in code-point order (localeCompare took seconds over 90,000 buckets).
    .sort((a, b) => (b.monthlySavings ?? -1) - (a.monthlySavings ?? -1) || (a.resourceArn < b.resourceArn ? -1 : a.resourceArn > b.resourceArn ? 1 : 0));
  return { reduction: settings.bucketKeyReduction, perKeyRequestData: { available: volumes.available, days: volumes.days, message: volumes.message, billMonth: volumes.billMonth }, rows };
}

/** Rows per INSERT: one statement of column arrays (unnest) per chunk keeps each parameter list bounded. */
const CHUNK = 20_000;

function insertChunk(db: Db, rows: StoredBucketKeySavings[], offset: number) {
  const column = <T>(f: (r: StoredBucketKeySavings) => T) => rows.map(f);
  return db.$executeRawUnsafe(
    `INSERT INTO bucket_key_savings (resource_arn, position, name, account_id, region, business_unit, key_arn, encryption_class,
       basis, monthly_requests, request_source, monthly_savings)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::float8[], $11::text[], $12::numeric[])`,
    column((r) => r.resourceArn),
    rows.map((_, i) => offset + i),
    column((r) => r.name),
    column((r) => r.accountId),
    column((r) => r.region),
    column((r) => r.businessUnit),
    column((r) => r.keyArn),
    column((r) => r.encryptionClass),
    column((r) => r.basis),
    column((r) => r.monthlyRequests),
    column((r) => r.requestSource),
    // The rounded figure's exact decimal: read back as text, it is the same number.
    column((r) => (r.monthlySavings === null ? null : moneyText(r.monthlySavings))),
  );
}

/** Prices every candidate bucket and replaces the stored list, in one transaction (readers keep the previous list until it commits). */
/** The statements that rebuild bucket_key_savings_total from bucket_key_savings (run in the same transaction). */
export function storeBucketKeySavingsTotals(db: Db) {
  return [
    db.$executeRawUnsafe(`DELETE FROM bucket_key_savings_total`),
    db.$executeRawUnsafe(
      `INSERT INTO bucket_key_savings_total (business_unit, account_id, basis, buckets, monthly_savings)
       SELECT business_unit, account_id, basis, count(*)::int, sum(monthly_savings) FROM bucket_key_savings GROUP BY 1, 2, 3`,
    ),
  ];
}

export async function recomputeBucketKeySavings(db: Db): Promise<{ buckets: number }> {
  const { reduction, perKeyRequestData, rows } = await computeBucketKeySavings(db);
  const chunks = [];
  for (let i = 0; i < rows.length; i += CHUNK) chunks.push(rows.slice(i, i + CHUNK));
  await db.$transaction([
    db.$executeRawUnsafe(`DELETE FROM bucket_key_savings`),
    ...chunks.map((chunk, i) => insertChunk(db, chunk, i * CHUNK)),
    ...storeBucketKeySavingsTotals(db),
    db.$executeRawUnsafe(
      `INSERT INTO bucket_key_savings_basis (id, reduction, per_key_request_data) VALUES (1, $1, $2::json)
       ON CONFLICT (id) DO UPDATE SET reduction = EXCLUDED.reduction, per_key_request_data = EXCLUDED.per_key_request_data`,
      reduction,
      JSON.stringify(perKeyRequestData),
    ),
  ]);
  return { buckets: rows.length };
}
