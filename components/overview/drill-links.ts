// Where each overview figure leads (issue 19 item 1): the list or cost rows behind it, under the
// list pages' URL filters (components/keys/key-list-filters.ts, resources/resource-list-filters.ts,
// the Costs page's from/to/bu), so the list's total is the number clicked.
import type { NonCompliantReason } from "@/generated/prisma/enums";
import { buLabel } from "@/lib/domain/business-unit";
import { type Day, monthEnd } from "@/lib/domain/days";

const link = (path: string, params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return search ? `${path}?${search}` : path;
};

export const OVERVIEW_LINKS = {
  customerManagedKeys: link("/keys", { manager: "CUSTOMER" }),
  unusableKeys: link("/keys", { manager: "CUSTOMER", state: "Disabled,PendingDeletion" }),
  awsManagedKeys: link("/keys", { manager: "AWS" }),
  // The resources list defaults to the latest coverage day, the day the tiles count.
  nonCompliant: "/resources",
};

/** Non-compliant resources for a reason, a business unit ("" = untagged) and/or a day (default: the latest). */
export function resourcesLink({ reason, businessUnit, day }: { reason?: NonCompliantReason | string; businessUnit?: string; day?: Day }): string {
  return link("/resources", { reason, bu: businessUnit === undefined ? undefined : buLabel(businessUnit), day });
}

/** The Costs page's rows over a period, optionally for one business unit ("" = untagged). */
export function costRowsLink(from: Day, to: Day, businessUnit?: string): string {
  return link("/costs", { from, to, bu: businessUnit === undefined ? undefined : buLabel(businessUnit) });
}

/** The cost rows of one BU-month of the chart ("2026-03" → that month's days). */
export function costMonthLink(month: string, businessUnit?: string): string {
  return costRowsLink(`${month}-01`, monthEnd(`${month}-01`), businessUnit);
}

/** The findings page with one severity. */
export const findingsLink = (severity: string) => link("/findings", { severity });
