import type { Db } from "@/lib/db/client";
import type { AccountRecord } from "@/lib/domain/records";

/** Upserts accounts; firstSeenAt is kept from the first sighting. */
export async function storeAccounts(db: Db, accounts: AccountRecord[], seenAt: Date): Promise<void> {
  if (accounts.length === 0) return;
  await db.$executeRawUnsafe(
    `INSERT INTO account (account_id, name, organizational_unit, email, status, first_seen_at, last_seen_at)
     SELECT a.account_id, a.name, a.organizational_unit, a.email, coalesce(a.status, 'ACTIVE'), $2::timestamptz, $2::timestamptz
     FROM jsonb_to_recordset($1::jsonb) AS a(account_id text, name text, organizational_unit text, email text, status text)
     ON CONFLICT (account_id) DO UPDATE SET name = excluded.name, organizational_unit = excluded.organizational_unit,
       email = excluded.email, status = excluded.status, last_seen_at = excluded.last_seen_at`,
    JSON.stringify(
      accounts.map((a) => ({ account_id: a.accountId, name: a.name, organizational_unit: a.organizationalUnit, email: a.email ?? null, status: a.status ?? null })),
    ),
    seenAt.toISOString(),
  );
}
