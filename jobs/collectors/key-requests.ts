// Per-key request volume from GetCostAndUsageWithResources (opt-in, last 14 days, daily). When
// resource-level data is not enabled or readable the answer says so: per-key numbers are never
// invented (DOMAIN.md §3, §6.5 "no data").
import { GetCostAndUsageWithResourcesCommand, GetDimensionValuesCommand, type CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import type { KeyRequestRecord } from "@/lib/domain/records";
import { classifyUsageType } from "@/lib/domain/usage-type";
import { parseKmsArn } from "@/lib/domain/key-resolution";
import { errorMessage, errorName, paginate } from "@/jobs/collectors/common";
import { KMS_FILTER } from "@/jobs/collectors/costs";
import { addDays, toDay } from "@/lib/domain/days";

export type KeyRequestVolumes =
  | { available: true; records: KeyRequestRecord[]; requests: number }
  | { available: false; reason: string; requests: number };

const RESOURCE_DATA_DAYS = 14;

/** Answers that mean "no resource-level data here", as opposed to a failure to report. */
function unavailableReason(error: unknown): string | null {
  const name = errorName(error);
  const message = errorMessage(error);
  if (name === "DataUnavailableException") return `Resource-level data unavailable: ${message}`;
  if (name === "AccessDeniedException") return `Not allowed to read resource-level data: ${message}`;
  if (name === "ValidationException" && /opt[- ]?in|resource|granular|not enabled|hourly/i.test(message)) {
    return `Resource-level data is not enabled: ${message}`;
  }
  return null;
}

export async function collectKeyRequestVolumes(
  clients: { costExplorer: CostExplorerClient },
  options: { today: Date },
): Promise<KeyRequestVolumes> {
  const ce = clients.costExplorer;
  const end = toDay(options.today);
  const start = addDays(end, -RESOURCE_DATA_DAYS);
  const TimePeriod = { Start: start, End: end };
  let requests = 0;

  try {
    const dimensionPages = await paginate((NextPageToken) => {
      requests += 1;
      return ce.send(new GetDimensionValuesCommand({ TimePeriod, Dimension: "USAGE_TYPE", Filter: KMS_FILTER, NextPageToken }));
    }, (page) => page.NextPageToken);
    const requestUsageTypes = dimensionPages
      .flatMap((page) => page.DimensionValues ?? [])
      .flatMap((v) => (v.Value && classifyUsageType(v.Value) === "REQUESTS" ? [v.Value] : []));
    if (requestUsageTypes.length === 0) return { available: true, records: [], requests };

    const Filter = { And: [KMS_FILTER, { Dimensions: { Key: "USAGE_TYPE" as const, Values: requestUsageTypes } }] };
    const pages = await paginate((NextPageToken) => {
      requests += 1;
      return ce.send(
        new GetCostAndUsageWithResourcesCommand({
          TimePeriod,
          Granularity: "DAILY",
          Metrics: ["UnblendedCost", "UsageQuantity"],
          Filter,
          GroupBy: [{ Type: "DIMENSION", Key: "RESOURCE_ID" }],
          NextPageToken,
        }),
      );
    }, (page) => page.NextPageToken);

    // One record per key and day: request usage types of a key (symmetric, asymmetric) add up.
    const byKeyDay = new Map<string, KeyRequestRecord>();
    for (const result of pages.flatMap((page) => page.ResultsByTime ?? [])) {
      const day = result.TimePeriod?.Start;
      for (const group of result.Groups ?? []) {
        const resourceId = group.Keys?.[0];
        const arn = resourceId ? parseKmsArn(resourceId) : null;
        if (!day || !resourceId || !arn || arn.kind !== "key") continue; // "NoResourceId" and the like
        const id = `${resourceId}|${day}`;
        const record = byKeyDay.get(id) ?? { day, keyArn: resourceId, accountId: arn.accountId, requests: 0, cost: 0 };
        record.requests += Number(group.Metrics?.UsageQuantity?.Amount ?? 0);
        record.cost += Number(group.Metrics?.UnblendedCost?.Amount ?? 0);
        byKeyDay.set(id, record);
      }
    }
    return { available: true, records: [...byKeyDay.values()], requests };
  } catch (error) {
    const reason = unavailableReason(error);
    if (reason === null) throw error;
    return { available: false, reason, requests };
  }
}
