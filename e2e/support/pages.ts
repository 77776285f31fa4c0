// Every page of the app (app/**/page.tsx), one list for the specs that go through them all: the
// responsive matrix (e2e/responsive.spec.ts) and axe in both colour schemes (e2e/ux-dark-mode.spec.ts).
import type { APIRequestContext } from "@playwright/test";

export interface AppPage {
  /** A path, or "key": the key page of the first key in the list (its ARN is in the path). */
  path: string;
  name: string;
  /** The level-1 heading's text; null where it names the record or the month. */
  heading: string | null;
  /** The test id of what the page draws from its data, shown once the page has loaded it. */
  ready: string | null;
}

export const APP_PAGES: readonly AppPage[] = [
  { path: "/", name: "overview", heading: "Overview", ready: "chart-cost-bu" },
  { path: "/keys", name: "keys", heading: "Keys", ready: "keys-table" },
  { path: "key", name: "key-detail", heading: null, ready: "key-arn" },
  { path: "/resources", name: "resources", heading: "Resources", ready: "resources-table" },
  // The other list of the same page (the coverage tiles open it): more columns, as wide as any table.
  { path: "/resources?view=all&encryption=NONE,SSE_S3,AWS_MANAGED_KMS,UNKNOWN", name: "resources-by-encryption", heading: "Resources", ready: "resources-table" },
  { path: "/findings", name: "findings", heading: "Findings", ready: "findings-table" },
  { path: "/costs", name: "costs", heading: "Costs", ready: "chart-cost-by-group" },
  { path: "/savings", name: "savings", heading: "Savings", ready: "bucket-keys-table" },
  { path: "/teams", name: "teams", heading: "Teams", ready: "bu-scorecard" },
  { path: "/runs", name: "runs", heading: "Runs", ready: "runs-table" },
  { path: "/settings", name: "settings", heading: "Settings", ready: null },
  { path: "/alerts", name: "alerts", heading: "Alerts", ready: null },
  { path: "/reports/showback", name: "showback", heading: null, ready: "showback-report" },
  { path: "/admin", name: "admin", heading: "Admin", ready: null },
  { path: "/admin/tokens", name: "admin-tokens", heading: "API tokens", ready: null },
  { path: "/admin/users", name: "admin-users", heading: "Users & sessions", ready: null },
  { path: "/admin/audit", name: "admin-audit", heading: "Audit log", ready: null },
  { path: "/admin/role-mappings", name: "admin-role-mappings", heading: "Role mappings", ready: null },
  { path: "/auth/no-access", name: "no-access", heading: "No access", ready: null },
];

/** Where to open a page: "key" resolves to the first key the API lists. */
export async function pageUrl(page: AppPage, request: APIRequestContext): Promise<string> {
  if (page.path !== "key") return page.path;
  const keys = (await (await request.get("/api/keys?pageSize=1")).json()) as { items: { keyArn: string }[] };
  return `/keys/${encodeURIComponent(keys.items[0]!.keyArn)}`;
}
