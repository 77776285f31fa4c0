import type { KeyRequestRecord, KmsCostRecord } from "@/lib/domain/records";
import type { VersionedKey } from "@/lib/store/types";
import { dayIndex, dayString, daysInMonthOf } from "./days";
import { KMS_LIST_PRICES, requestPriceForKeySpec, rotationSurchargePerKeyMonth, type KmsPrices } from "@/lib/domain/prices";
import { classifyUsageType } from "@/lib/domain/usage-type";
import { pricingOfKeySpec, usageTypeFor } from "./usage-types";

export interface CostWindow {
  fromIdx: number;
  toIdx: number; // included
  /** Per-key request records are produced from this day on (Cost Explorer keeps 14 days). */
  keyRequestsFromIdx: number;
}

export interface DemoCosts {
  costs: KmsCostRecord[];
  keyRequests: KeyRequestRecord[];
}

/** States in which a CMK is not billed (DOMAIN.md §2: a key pending deletion costs nothing). */
const UNBILLED_STATES = new Set(["PendingDeletion", "PendingReplicaDeletion"]);

interface Group {
  accountId: string;
  businessUnit: string;
  costCenter: string;
  usageType: string;
  region: string;
  quantity: Float64Array;
  cost: Float64Array;
}

const round8 = (x: number) => Math.round(x * 1e8) / 1e8;

/**
 * What Cost Explorer would bill, day by day, for these key versions: key storage per key-month
 * (with rotation surcharges) for CMKs, and requests × price for every key, grouped like the
 * ingestion groups them (account, business-unit tag, cost-center tag, usage type). Tags come from
 * the key version valid that day: an untagged key's cost lands in businessUnit "".
 */
export function kmsCosts(
  keys: Iterable<VersionedKey>,
  requestsFor: (keyArn: string, day: number) => number,
  window: CostWindow,
  prices: KmsPrices = KMS_LIST_PRICES,
): DemoCosts {
  const length = window.toIdx - window.fromIdx + 1;
  const groups = new Map<string, Group>();
  const keyRequests: KeyRequestRecord[] = [];
  const groupFor = (v: VersionedKey, usageType: string): Group => {
    const r = v.record;
    const businessUnit = r.tags["business-unit"] ?? "";
    const costCenter = r.tags["cost-center"] ?? "";
    const id = `${r.accountId}|${businessUnit}|${costCenter}|${usageType}`;
    let group = groups.get(id);
    if (!group) {
      group = { accountId: r.accountId, businessUnit, costCenter, usageType, region: r.region, quantity: new Float64Array(length), cost: new Float64Array(length) };
      groups.set(id, group);
    }
    return group;
  };

  for (const version of keys) {
    const r = version.record;
    const from = Math.max(dayIndex(version.validFrom), window.fromIdx);
    const to = Math.min(version.validTo === null ? window.toIdx : dayIndex(version.validTo) - 1, window.toIdx);
    if (from > to) continue;
    const billed = r.keyManager === "CUSTOMER" && !UNBILLED_STATES.has(r.keyState);
    const storage = billed ? groupFor(version, usageTypeFor(r.region, "keys")) : null;
    // Key-months: one per key, plus one per billed rotation (AWS bills each key version).
    const keyMonthsPerMonth = 1 + Math.min(Math.max(r.rotationCount ?? 0, 0), prices.rotationSurchargeMaxRotations);
    const monthlyStorageCost = prices.keyMonth + rotationSurchargePerKeyMonth(r.rotationCount, prices);
    const pricePerRequest = requestPriceForKeySpec(r.keySpec, prices);
    const requestsGroup = groupFor(version, usageTypeFor(r.region, pricingOfKeySpec(r.keySpec)));
    for (let day = from; day <= to; day++) {
      const i = day - window.fromIdx;
      if (storage) {
        const daysInMonth = daysInMonthOf(day);
        storage.quantity[i]! += keyMonthsPerMonth / daysInMonth;
        storage.cost[i]! += monthlyStorageCost / daysInMonth;
      }
      const requests = requestsFor(r.keyArn, day);
      if (requests <= 0) continue;
      const cost = requests * pricePerRequest;
      requestsGroup.quantity[i]! += requests;
      requestsGroup.cost[i]! += cost;
      if (day >= window.keyRequestsFromIdx) {
        keyRequests.push({ day: dayString(day), keyArn: r.keyArn, accountId: r.accountId, requests, cost: round8(cost) });
      }
    }
  }

  const costs: KmsCostRecord[] = [];
  for (const group of groups.values()) {
    for (let i = 0; i < length; i++) {
      if (group.quantity[i] === 0) continue;
      costs.push({
        day: dayString(window.fromIdx + i),
        accountId: group.accountId,
        businessUnit: group.businessUnit,
        costCenter: group.costCenter,
        usageType: group.usageType,
        region: group.region,
        category: classifyUsageType(group.usageType),
        unblendedCost: round8(group.cost[i]!),
        usageQuantity: group.quantity[i]!,
      });
    }
  }
  costs.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { costs, keyRequests };
}
