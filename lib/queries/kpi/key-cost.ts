// A key's cost on its detail page, in the same terms as the key list: the request cost billed
// over the list's window (the days with per-key Cost Explorer data), the modeled cost over
// exactly those days (key-months + rotation surcharge + requests × price, DOMAIN.md §6.4), and the
// modeled storage + rotation for one month in the key's current state.
import type { KmsKeyVersion } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { sumMoney } from "@/lib/domain/money";
import { applyPriceOverrides } from "@/lib/domain/prices";
import { modeledKeyCostOverDays, modeledMonthlyKeyCost, pendingSinceOf, type ModeledKeyCost } from "@/lib/kpi/modeled-cost";
import { loadPolicySettings } from "@/lib/settings/load";
import { type Day, addDays, dayToDate } from "@/lib/domain/days";
import { keyBillMonths, type KeyBillMonth } from "./key-bill";
import { keyRecordOf } from "@/lib/store/key-records";
import { keyCostCoverage, type KeyCostWindow } from "./keys";

export interface KeyCost {
  /** The key list's window; null without any per-key data. */
  window: KeyCostWindow | null;
  /** The key's requests and billed request cost on the window's days; null when it has no rows there. */
  requests: number | null;
  billedRequestCost: number | null;
  /** Modeled over the window's days with per-key data (window.daysWithData), like for like with billedRequestCost. */
  modeled: ModeledKeyCost | null;
  /** Modeled key-month + rotation surcharge for one month in the current state (the list's column). */
  modeledMonthly: { keyCost: number; rotationCost: number; total: number };
  /** Storage + rotation + requests by month from the imported bill (ResourceId = the key ARN); empty when no bill has the key. */
  bill: KeyBillMonth[];
}

export async function keyCost(
  db: Db,
  version: KmsKeyVersion,
  history: readonly { keyState: string; validFrom: Date }[],
  requestRows: readonly { day: Day; requests: number; cost: number }[],
): Promise<KeyCost> {
  const [coverage, settings, bill] = await Promise.all([keyCostCoverage(db), loadPolicySettings(db), keyBillMonths(db, version.keyArn)]);
  const prices = applyPriceOverrides(settings.priceOverrides);
  const record = { ...keyRecordOf({ ...version, policy: null }), pendingSince: pendingSinceOf(history) };
  const modeledMonthly = modeledMonthlyKeyCost(record, prices);
  if (!coverage) return { window: null, requests: null, billedRequestCost: null, modeled: null, modeledMonthly, bill };
  const { window, days } = coverage;
  const inWindow = requestRows.filter((r) => r.day >= window.from && r.day <= window.to);
  const known = inWindow.length > 0;
  const modeled = modeledKeyCostOverDays(record, days, {
    requestsByDay: known ? new Map(inWindow.map((r) => [r.day, r.requests])) : null,
    // A key gone from the inventory is billed up to the day it was last seen.
    now: new Date(Math.min(version.validTo.getTime(), dayToDate(addDays(window.to, 1)).getTime())),
    prices,
  });
  return {
    window,
    requests: known ? inWindow.reduce((a, r) => a + r.requests, 0) : null,
    // The page already read these rows: summed exactly in integer units (lib/domain/money.ts), the
    // same figure as the list's SQL numeric sum.
    billedRequestCost: known ? sumMoney(inWindow.map((r) => r.cost)) : null,
    modeled,
    modeledMonthly,
    bill,
  };
}
