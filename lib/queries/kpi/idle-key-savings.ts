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
import { OPEN_END_DATE } from "@/lib/domain/days";
import { buLabel } from "@/lib/domain/business-unit";
import { keyFilterWhere, type KeyFilters } from "../key-counts";

export async function idleKeySavingsReport(db: Db, query: KeyFilters & { page: number; pageSize: number }) {
  const [settings, findings] = await Promise.all([
    loadPolicySettings(db),
    db.keyFinding.findMany({ where: { code: { in: ["UNUSED", "DISABLED_BILLED"] } }, select: { keyArn: true, code: true } }),
  ]);
  const keys = await db.kmsKeyVersion.findMany({
    where: {
      validTo: OPEN_END_DATE,
      keyArn: { in: [...new Set(findings.map((f) => f.keyArn))] },
      ...keyFilterWhere({ ...query, bu: query.bu?.length ? query.bu : undefined }),
    },
  });
  const codesByKey = new Map<string, string[]>();
  for (const f of findings) codesByKey.set(f.keyArn, [...(codesByKey.get(f.keyArn) ?? []), f.code]);
  const byArn = new Map(keys.map((k) => [k.keyArn, k]));
  const billMonth = await billReferenceMonth(db);
  const billed = billMonth ? await billedKeyFigures(db, keys.map((k) => k.keyArn), billMonth) : new Map<string, { cost: number }>();
  const savings = idleKeySavings(
    keys.map((k) => ({ key: k, codes: codesByKey.get(k.keyArn) ?? [] })),
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
