// Monthly savings from deleting idle keys (DOMAIN.md §6.6): current CMKs with an UNUSED or
// DISABLED_BILLED finding, each counted once: in billed dollars (the key's usage in the reference
// bill month, lib/queries/kpi/key-bill.ts) where the imported bill has the key, at list price
// ($1 key-month + its rotation surcharge) otherwise. `basis` says which.
import type { Db } from "@/lib/db/client";
import { roundMoney, sumMoney } from "@/lib/domain/money";
import { applyPriceOverrides } from "@/lib/domain/prices";
import { idleKeySavings } from "@/lib/kpi/bucket-key-savings";
import { loadPolicySettings } from "@/lib/settings/load";
import { billReferenceMonth, billedKeyFigures } from "./key-bill";
import { OPEN_END } from "@/lib/domain/days";
import { buLabel } from "@/lib/domain/business-unit";
import type { KeyFilters } from "../key-counts";

interface IdleKeyRow {
  keyArn: string;
  keyManager: "CUSTOMER" | "AWS";
  rotationCount: number | null;
  aliases: string[];
  accountId: string;
  region: string;
  keyState: string;
  businessUnit: string;
  codes: string[];
}

/**
 * The current version of every key with an idle finding under the filters (as keyFilterWhere reads
 * them), its codes aggregated: one indexed join with the columns the pricing and the rows need. Part
 * of the overview's first request after a data change, where two Prisma reads (the findings, then
 * ~1,200 keys by ARN with every column) took ~45 ms.
 */
async function idleKeys(db: Db, { bu, account, region, env }: KeyFilters): Promise<IdleKeyRow[]> {
  return db.$queryRawUnsafe<IdleKeyRow[]>(
    // Codes aggregated per key before the join: grouping the joined wide rows sorted them all.
    `SELECT k.key_arn AS "keyArn", k.key_manager::text AS "keyManager", k.rotation_count AS "rotationCount", k.aliases,
            k.account_id AS "accountId", k.region, k.key_state AS "keyState", k.business_unit AS "businessUnit", f.codes
     FROM (SELECT key_arn, array_agg(code ORDER BY code) AS codes FROM key_finding
           WHERE code IN ('UNUSED', 'DISABLED_BILLED') GROUP BY key_arn) f
     JOIN kms_key_version k ON k.key_arn = f.key_arn AND k.valid_to = $1::date
     WHERE ($2::text[] IS NULL OR k.business_unit = ANY($2::text[]))
       AND ($3::text[] IS NULL OR k.account_id = ANY($3::text[]))
       AND ($4::text[] IS NULL OR k.region = ANY($4::text[]))
       AND ($5::text[] IS NULL OR k.environment = ANY($5::text[]))`,
    OPEN_END,
    bu?.length ? bu : null,
    account?.length ? account : null,
    region?.length ? region : null,
    env?.length ? env : null,
  );
}

export async function idleKeySavingsReport(db: Db, query: KeyFilters & { page: number; pageSize: number }) {
  const [settings, keys] = await Promise.all([loadPolicySettings(db), idleKeys(db, query)]);
  const byArn = new Map(keys.map((k) => [k.keyArn, k]));
  const billMonth = await billReferenceMonth(db);
  const billed = billMonth ? await billedKeyFigures(db, keys.map((k) => k.keyArn), billMonth) : new Map<string, { cost: number }>();
  const savings = idleKeySavings(
    keys.map((k) => ({ key: k, codes: k.codes })),
    applyPriceOverrides(settings.priceOverrides),
  );
  const rows = savings
    .map((s) => {
      const k = byArn.get(s.keyArn)!;
      const bill = billed.get(s.keyArn);
      return { ...s, basis: bill ? ("bill" as const) : ("listPrice" as const), monthlySavings: roundMoney(bill ? bill.cost : s.monthlySavings), aliases: k.aliases, accountId: k.accountId, region: k.region, keyState: k.keyState, businessUnit: buLabel(k.businessUnit) };
    })
    .sort((a, b) => b.monthlySavings - a.monthlySavings || a.keyArn.localeCompare(b.keyArn));
  return {
    monthlySavings: sumMoney(rows.map((r) => r.monthlySavings)),
    /** The bill month the billed figures come from; null when no bill is imported. */
    billMonth,
    byCode: {
      UNUSED: rows.filter((r) => r.codes.includes("UNUSED")).length,
      DISABLED_BILLED: rows.filter((r) => r.codes.includes("DISABLED_BILLED")).length,
    },
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
    items: rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize),
  };
}
