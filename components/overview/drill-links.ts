// Where each overview figure leads (issue 19 item 1): the list or cost rows behind it, under the
// list pages' URL filters (components/keys/key-list-filters.ts, resources/resource-list-filters.ts,
// the Costs page's from/to/bu), so the list's total is the number clicked.
import type { NonCompliantReason } from "@/generated/prisma/enums";
import { buLabel } from "@/lib/domain/business-unit";
import { type Day, monthEnd } from "@/lib/domain/days";
import type { FilterName } from "@/components/filters/filter-params";
import { NOT_ON_A_CMK } from "@/components/resources/resource-list-filters";

/**
 * The global filters the overview was filtered by, as URL values (components/filters): every link
 * carries them, so the list opens on the same account, region, environment, service and BU, and
 * its total is the figure clicked. Each list page uses those it can (its filter bar says which).
 */
export type Carried = Partial<Record<"bu" | "account" | "region" | "env" | "service", string>>;

/** The filter bar's dimensions the overview follows (lib/queries/overview-filters.ts says which figure follows which). */
export const OVERVIEW_FILTERS = ["bu", "account", "region", "env", "service"] as const satisfies readonly FilterName[];

const link = (path: string, params: Record<string, string | undefined>, carried: Carried = {}) => {
  // The link's own parameters win over the carried ones (a BU row's bu over the bar's).
  const all = { ...carried, ...params };
  const search = new URLSearchParams(Object.entries(all).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return search ? `${path}?${search}` : path;
};

export function overviewLinks(carried: Carried = {}) {
  return {
    customerManagedKeys: link("/keys", { manager: "CUSTOMER" }, carried),
    unusableKeys: link("/keys", { manager: "CUSTOMER", state: "Disabled,PendingDeletion" }, carried),
    awsManagedKeys: link("/keys", { manager: "AWS" }, carried),
    // The resources list defaults to the latest coverage day, the day the tiles count.
    nonCompliant: link("/resources", {}, carried),
    // Coverage's rows: every in-scope resource not on a CMK, compliant or not (a non-production
    // resource on SSE-S3 lowers coverage without being non-compliant). By storage: largest first.
    notOnACmk: link("/resources", { view: "all", encryption: NOT_ON_A_CMK.join(",") }, carried),
    notOnACmkBySize: link("/resources", { view: "all", encryption: NOT_ON_A_CMK.join(","), sort: "-size" }, carried),
  };
}

export const OVERVIEW_LINKS = overviewLinks();

/** Non-compliant resources for a reason, a business unit ("" = untagged) and/or a day (default: the latest). */
export function resourcesLink({ reason, businessUnit, day }: { reason?: NonCompliantReason | string; businessUnit?: string; day?: Day }, carried: Carried = {}): string {
  return link("/resources", { reason, bu: businessUnit === undefined ? undefined : buLabel(businessUnit), day }, carried);
}

/** The Costs page's rows over a period, optionally for one business unit ("" = untagged). */
export function costRowsLink(from: Day, to: Day, businessUnit?: string, carried: Carried = {}): string {
  return link("/costs", { from, to, bu: businessUnit === undefined ? undefined : buLabel(businessUnit) }, carried);
}

/** The cost rows of one BU-month of the chart ("2026-03" → that month's days). */
export function costMonthLink(month: string, businessUnit?: string, carried: Carried = {}): string {
  return costRowsLink(`${month}-01`, monthEnd(`${month}-01`), businessUnit, carried);
}

/** The findings page with one severity. */
export const findingsLink = (severity: string, carried: Carried = {}) => link("/findings", { severity }, carried);

/** Every Bucket Key candidate under the filters, on the Savings page. */
export const bucketsLink = (carried: Carried = {}) => link("/savings", {}, carried);

/** One Bucket Key candidate's row on the Savings page (its ARN). */
export const bucketSavingsLink = (resourceArn: string, carried: Carried = {}) => link("/savings", { bucket: resourceArn }, carried);
