// KMS cost per day × linked account × business-unit tag × usage type from Cost Explorer.
// Every CE request costs $0.01, and GetCostAndUsage allows two GroupBy entries for a grain of
// three dimensions, so the plan is (documented in docs/iam/README.md, "Cost Explorer plan"):
//   1. GetDimensionValues USAGE_TYPE and LINKED_ACCOUNT for the KMS service in the window;
//   2. split on whichever has fewer values: one GetCostAndUsage per value, filtered to it and
//      grouped by the other dimension and the business-unit tag.
// Cost: 2 + min(#usage types, #accounts) requests, plus extra pages. Cost center would need a
// third split (× its values); it is not collected and left "".
import { GetCostAndUsageCommand, GetDimensionValuesCommand, type CostExplorerClient, type Expression, type GroupDefinition } from "@aws-sdk/client-cost-explorer";
import type { IngestionWarningRecord, KmsCostRecord } from "@/lib/domain/records";
import { classifyUsageType, regionFromUsageType, UNKNOWN_REGION } from "@/lib/domain/usage-type";
import { paginate, WarningLog } from "@/jobs/collectors/common";
import { addDays, toDay } from "@/lib/domain/days";

export const KMS_SERVICE = "AWS Key Management Service";
export const KMS_FILTER: Expression = { Dimensions: { Key: "SERVICE", Values: [KMS_SERVICE] } };
const METRICS = ["UnblendedCost", "UsageQuantity"];

/** Start inclusive, end exclusive, both YYYY-MM-DD (Cost Explorer's convention). */
export interface CostWindow {
  start: string;
  end: string;
}


/**
 * Incremental window: from the last fetched day minus `settleDays` (costs settle late) up to
 * today exclusive, never before the first day of the month `maxMonthsBack` months ago. null when
 * there is nothing to fetch.
 */
export function costWindow(input: { lastFetchedDay: string | null; today: Date; settleDays?: number; maxMonthsBack?: number }): CostWindow | null {
  const { lastFetchedDay, today, settleDays = 3, maxMonthsBack = 13 } = input;
  const end = toDay(today);
  const earliest = toDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - maxMonthsBack, 1)));
  const resume = lastFetchedDay ? addDays(lastFetchedDay, -settleDays) : earliest;
  const start = resume < earliest ? earliest : resume;
  return start < end ? { start, end } : null;
}

/** "business-unit$payments" → "payments"; "business-unit$" (untagged) → "". */
export function tagValueFromGroupKey(groupKey: string): string {
  const separator = groupKey.indexOf("$");
  return separator === -1 ? groupKey : groupKey.slice(separator + 1);
}

export interface CostsCollection {
  records: KmsCostRecord[];
  warnings: IngestionWarningRecord[];
  /** Cost Explorer requests made (each billed $0.01). */
  requests: number;
  plan: { splitBy: "USAGE_TYPE" | "LINKED_ACCOUNT"; requestsPlanned: number };
}

export interface CostsCollectorOptions {
  window: CostWindow;
  businessUnitTagKey?: string;
}

export async function collectKmsCosts(clients: { costExplorer: CostExplorerClient }, options: CostsCollectorOptions): Promise<CostsCollection> {
  const ce = clients.costExplorer;
  const warnings = new WarningLog("cost-explorer", { accountId: null, region: null });
  // One warning per usage type, not one per day and group.
  const unknownRegionUsageTypes = new Set<string>();
  const tagKey = options.businessUnitTagKey ?? "business-unit";
  const TimePeriod = { Start: options.window.start, End: options.window.end };
  let requests = 0;

  const dimensionValues = async (Dimension: "USAGE_TYPE" | "LINKED_ACCOUNT") => {
    const pages = await paginate((NextPageToken) => {
      requests += 1;
      return ce.send(new GetDimensionValuesCommand({ TimePeriod, Dimension, Filter: KMS_FILTER, NextPageToken }));
    }, (page) => page.NextPageToken);
    return pages.flatMap((page) => page.DimensionValues ?? []).flatMap((v) => (v.Value ? [v.Value] : []));
  };
  const usageTypes = await dimensionValues("USAGE_TYPE");
  const accounts = await dimensionValues("LINKED_ACCOUNT");

  const splitBy = usageTypes.length <= accounts.length ? "USAGE_TYPE" : "LINKED_ACCOUNT";
  const other = splitBy === "USAGE_TYPE" ? "LINKED_ACCOUNT" : "USAGE_TYPE";
  const splitValues = splitBy === "USAGE_TYPE" ? usageTypes : accounts;
  const GroupBy: GroupDefinition[] = [{ Type: "DIMENSION", Key: other }, { Type: "TAG", Key: tagKey }];

  const records: KmsCostRecord[] = [];
  for (const value of splitValues) {
    const Filter: Expression = { And: [KMS_FILTER, { Dimensions: { Key: splitBy, Values: [value] } }] };
    const pages = await paginate((NextPageToken) => {
      requests += 1;
      return ce.send(new GetCostAndUsageCommand({ TimePeriod, Granularity: "DAILY", Metrics: METRICS, Filter, GroupBy, NextPageToken }));
    }, (page) => page.NextPageToken);

    for (const result of pages.flatMap((page) => page.ResultsByTime ?? [])) {
      const resultDay = result.TimePeriod?.Start;
      if (!resultDay) continue;
      for (const group of result.Groups ?? []) {
        const [otherValue, tagGroupKey] = group.Keys ?? [];
        if (otherValue === undefined || tagGroupKey === undefined) {
          warnings.add("COST_GROUP_MALFORMED", `Group without two keys on ${resultDay}: ${JSON.stringify(group.Keys)}`);
          continue;
        }
        const usageType = splitBy === "USAGE_TYPE" ? value : otherValue;
        const region = regionFromUsageType(usageType);
        if (region === UNKNOWN_REGION && !unknownRegionUsageTypes.has(usageType)) {
          unknownRegionUsageTypes.add(usageType);
          warnings.add("COST_REGION_UNKNOWN", `Usage type "${usageType}" names no known region: stored with region "${UNKNOWN_REGION}"`);
        }
        records.push({
          day: resultDay,
          accountId: splitBy === "LINKED_ACCOUNT" ? value : otherValue,
          businessUnit: tagValueFromGroupKey(tagGroupKey),
          costCenter: "",
          usageType,
          region,
          category: classifyUsageType(usageType),
          unblendedCost: Number(group.Metrics?.UnblendedCost?.Amount ?? 0),
          usageQuantity: Number(group.Metrics?.UsageQuantity?.Amount ?? 0),
        });
      }
    }
  }
  return { records, warnings: warnings.records, requests, plan: { splitBy, requestsPlanned: 2 + splitValues.length } };
}
