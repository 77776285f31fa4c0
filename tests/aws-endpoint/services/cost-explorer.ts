// Cost Explorer (JSON 1.1, X-Amz-Target AWSInsightsIndexService.*): filters, two GroupBy entries,
// tag group keys "tagKey$value", DAILY results with string amounts, as the real service answers.
import { errorAnswer, jsonAnswer, pageOf, type Answer } from "../wire";
import type { CallContext } from "../context";
import type { FixtureCost } from "../fixture";

type Expression = { And?: Expression[]; Or?: Expression[]; Not?: Expression; Dimensions?: { Key: string; Values: string[] }; Tags?: { Key: string; Values: string[] } };
type Row = { day: string; accountId: string; usageType: string; businessUnit: string; resourceId?: string; cost: number; quantity: number };

const SERVICE = "AWS Key Management Service";
const PAGE = 5_000;

function dimension(row: Row, key: string): string | undefined {
  switch (key) {
    case "SERVICE": return SERVICE;
    case "USAGE_TYPE": return row.usageType;
    case "LINKED_ACCOUNT": return row.accountId;
    case "RESOURCE_ID": return row.resourceId ?? "NoResourceId";
    default: return undefined;
  }
}

function matches(row: Row, filter: Expression | undefined, tagKey: string): boolean {
  if (!filter) return true;
  if (filter.And) return filter.And.every((f) => matches(row, f, tagKey));
  if (filter.Or) return filter.Or.some((f) => matches(row, f, tagKey));
  if (filter.Not) return !matches(row, filter.Not, tagKey);
  if (filter.Dimensions) return filter.Dimensions.Values.includes(dimension(row, filter.Dimensions.Key) ?? "");
  if (filter.Tags) return filter.Tags.Key === tagKey && filter.Tags.Values.includes(row.businessUnit);
  return true;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function inWindow(rows: Row[], input: Record<string, unknown>): Row[] {
  const period = input.TimePeriod as { Start: string; End: string };
  return rows.filter((r) => r.day >= period.Start && r.day < period.End);
}

const amount = (n: number) => n.toFixed(10).replace(/0+$/, "").replace(/\.$/, "");

function results(rows: Row[], input: Record<string, unknown>, tagKeyOf: (groupBy: { Type: string; Key: string }[]) => string) {
  const groupBy = (input.GroupBy as { Type: string; Key: string }[] | undefined) ?? [];
  const period = input.TimePeriod as { Start: string; End: string };
  const tagKey = tagKeyOf(groupBy);
  const selected = inWindow(rows, input).filter((r) => matches(r, input.Filter as Expression, tagKey));
  const days: string[] = [];
  for (let d = period.Start; d < period.End; d = nextDay(d)) days.push(d);
  return days.map((day) => {
    const groups = new Map<string, { Keys: string[]; cost: number; quantity: number }>();
    for (const row of selected.filter((r) => r.day === day)) {
      const keys = groupBy.map((g) => (g.Type === "TAG" ? `${g.Key}$${g.Key === tagKey ? row.businessUnit : ""}` : (dimension(row, g.Key) ?? "")));
      const id = keys.join("\u0000");
      const group = groups.get(id) ?? { Keys: keys, cost: 0, quantity: 0 };
      group.cost += row.cost;
      group.quantity += row.quantity;
      groups.set(id, group);
    }
    return {
      TimePeriod: { Start: day, End: nextDay(day) },
      Total: {},
      Groups: [...groups.values()].map((g) => ({ Keys: g.Keys, Metrics: { UnblendedCost: { Amount: amount(g.cost), Unit: "USD" }, UsageQuantity: { Amount: amount(g.quantity), Unit: "N/A" } } })),
      Estimated: false,
    };
  });
}

export function costExplorer(ctx: CallContext, operation: string, input: Record<string, unknown>): Answer {
  if (ctx.accountId !== ctx.org.managementAccountId) {
    return errorAnswer("json", 400, "AccessDeniedException", "Cost Explorer is only available to the management account");
  }
  const costRows: Row[] = ctx.org.costs.map((c: FixtureCost) => ({ ...c }));
  const tagKeyOf = (groupBy: { Type: string; Key: string }[]) => groupBy.find((g) => g.Type === "TAG")?.Key ?? "business-unit";
  switch (operation) {
    case "GetDimensionValues": {
      const key = input.Dimension as string;
      const values = [...new Set(inWindow(costRows, input).filter((r) => matches(r, input.Filter as Expression, "business-unit")).map((r) => dimension(r, key) ?? ""))].sort();
      const page = pageOf(values, input.NextPageToken as string, 1000);
      return jsonAnswer({ DimensionValues: page.items.map((Value) => ({ Value, Attributes: {} })), ReturnSize: page.items.length, TotalSize: values.length, ...(page.next ? { NextPageToken: page.next } : {}) });
    }
    case "GetCostAndUsage": {
      const all = results(costRows, input, tagKeyOf);
      const page = pageOf(all, input.NextPageToken as string, Math.max(1, Math.floor(PAGE / 50)));
      return jsonAnswer({ ResultsByTime: page.items, GroupDefinitions: input.GroupBy ?? [], DimensionValueAttributes: [], ...(page.next ? { NextPageToken: page.next } : {}) });
    }
    case "GetCostAndUsageWithResources": {
      if (ctx.org.keyRequests === "unavailable") {
        return errorAnswer("json", 400, "DataUnavailableException", "Resource-level data is not enabled for this account: opt in under Cost Explorer settings");
      }
      const rows: Row[] = ctx.org.keyRequests.map((k) => ({ day: k.day, accountId: k.keyArn.split(":")[4]!, usageType: k.usageType, businessUnit: "", resourceId: k.keyArn, cost: k.cost, quantity: k.requests }));
      return jsonAnswer({ ResultsByTime: results(rows, input, tagKeyOf), GroupDefinitions: input.GroupBy ?? [], DimensionValueAttributes: [] });
    }
    default:
      return errorAnswer("json", 400, "UnknownOperationException", `Cost Explorer ${operation} is not served here`);
  }
}
