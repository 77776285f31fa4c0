import type { Db } from "@/lib/db/client";
import { type Day, toDay } from "@/lib/domain/days";

export type FreshnessSource = "inventory" | "costs";

/** Records that these scopes hold good data up to `day` (what "data as of" reports). */
export async function markFresh(db: Db, args: { source: FreshnessSource; day: Day; runId: string | null; scopes: { accountId: string; region: string }[] }): Promise<void> {
  if (args.scopes.length === 0) return;
  await db.$executeRawUnsafe(
    `INSERT INTO scope_freshness (account_id, region, source, last_good_day, last_run_id, updated_at)
     SELECT s.account_id, s.region, $2, $3::date, $4::uuid, now() FROM jsonb_to_recordset($1::jsonb) AS s(account_id text, region text)
     ON CONFLICT (account_id, region, source) DO UPDATE SET last_good_day = greatest(scope_freshness.last_good_day, excluded.last_good_day),
       last_run_id = excluded.last_run_id, updated_at = now()`,
    JSON.stringify(args.scopes.map((s) => ({ account_id: s.accountId, region: s.region }))),
    args.source,
    args.day,
    args.runId,
  );
}

/** The span of days with inventory history: first version to the latest good snapshot. */
export async function historyRange(db: Db): Promise<{ fromDay: Day; toDay: Day } | null> {
  const rows = await db.$queryRawUnsafe<{ first: Date | null; last: Date | null }[]>(
    `SELECT (SELECT min(valid_from) FROM storage_resource_version) AS first,
            (SELECT max(last_good_day) FROM scope_freshness WHERE source = 'inventory') AS last`,
  );
  const { first, last } = rows[0] ?? { first: null, last: null };
  return first && last ? { fromDay: toDay(first), toDay: toDay(last) } : null;
}

/** Scope of organization-wide sources (Cost Explorer is read once, from the payer account). */
export const ORGANIZATION_SCOPE = { accountId: "organization", region: "global" } as const;
