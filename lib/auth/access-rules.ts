// THE access table: every page, every /api/* method and every export, and who may call it.
// tests/unit/auth/access-rules.test.ts walks app/**/page.tsx and app/**/route.ts on disk and
// fails when one has no rule here, so a new route cannot ship without deciding who sees it.
import type { Principal, Role } from "./principal";

/**
 * public: anyone, signed in or not (the sign-in flow and the no-access page);
 * read: every signed-in role (viewers get their business units only, enforced in the queries);
 * export: the same audience as read — a CSV is scoped like the page it comes from;
 * finops: admin and finops only — run details name resources of every account and business unit;
 * admin: changes settings, starts runs, manages users, tokens and the audit log.
 */
export type Access = "public" | "read" | "export" | "finops" | "admin";

export const ACCESS_RULES = {
  // Sign-in itself: reachable before anyone is known (each checks what it needs: the OIDC
  // state, nonce and PKCE; sign-out the CSRF rule).
  "PAGE /auth/no-access": "public",
  "GET /auth/sign-in": "public",
  "GET /auth/callback": "public",
  "POST /auth/sign-out": "public",
  // The demo's "Viewing as" switcher: 404 unless AUTH_MODE=demo, where every visitor is signed in.
  "POST /auth/demo-view": "public",
  // A JSON 404 for any /api/* path no route serves: it tells nothing a guess would not.
  "GET /api/[...unknown]": "public",
  "HEAD /api/[...unknown]": "public",
  "POST /api/[...unknown]": "public",
  "PUT /api/[...unknown]": "public",
  "PATCH /api/[...unknown]": "public",
  "DELETE /api/[...unknown]": "public",
  // Pages (app/**/page.tsx), keyed "PAGE <path>".
  "PAGE /": "read",
  "PAGE /admin": "admin",
  "PAGE /admin/tokens": "admin",
  "PAGE /admin/users": "admin",
  "PAGE /admin/audit": "admin",
  "PAGE /admin/role-mappings": "admin",
  // Alerts: channels hold where messages go and the history names recipients: admins only.
  "PAGE /alerts": "admin",
  "PAGE /costs": "read",
  "PAGE /keys": "read",
  "PAGE /keys/[arn]": "read",
  "PAGE /resources": "read",
  "PAGE /runs": "finops",
  "PAGE /savings": "read",
  "PAGE /settings": "read",
  "PAGE /teams": "read",
  // The showback pack's print page: organization-wide cost and coverage, like its PDF download.
  "PAGE /reports/showback": "finops",
  // Route handlers (app/api/**/route.ts), keyed "<METHOD> <path>".
  "GET /api/admin/sessions": "admin",
  "DELETE /api/admin/sessions/[id]": "admin",
  "GET /api/admin/tokens": "admin",
  "POST /api/admin/tokens": "admin",
  "DELETE /api/admin/tokens/[id]": "admin",
  "GET /api/admin/users": "admin",
  "DELETE /api/admin/users/[id]/sessions": "admin",
  "GET /api/admin/audit": "admin",
  "GET /api/admin/role-mappings": "admin",
  "PUT /api/admin/role-mappings/[group]": "admin",
  "DELETE /api/admin/role-mappings/[group]": "admin",
  "GET /api/alerts/channels": "admin",
  "POST /api/alerts/channels": "admin",
  "PUT /api/alerts/channels/[id]": "admin",
  "DELETE /api/alerts/channels/[id]": "admin",
  "POST /api/alerts/channels/[id]/test": "admin",
  "GET /api/alerts/deliveries": "admin",
  "POST /api/alerts/deliveries/[id]/retry": "admin",
  "GET /api/alerts/rules": "admin",
  "POST /api/alerts/rules": "admin",
  "PUT /api/alerts/rules/[id]": "admin",
  "DELETE /api/alerts/rules/[id]": "admin",
  "POST /api/alerts/rules/[id]/mute": "admin",
  "GET /api/alerts/conditions": "admin",
  // The bill's imports name buckets and files; uploading one replaces a month's bill lines.
  "GET /api/bill/imports": "finops",
  "POST /api/bill/imports": "admin",
  "GET /api/costs/by-bu": "read",
  "GET /api/costs/chargeback": "read",
  "GET /api/costs/modeled": "read",
  "GET /api/costs/reconciliation": "read",
  "GET /api/costs/unit-cost": "read",
  "GET /api/coverage": "read",
  "GET /api/export/audit": "admin",
  "GET /api/export/chargeback": "export",
  "GET /api/findings": "read",
  "GET /api/freshness": "read",
  "GET /api/keys": "read",
  "GET /api/keys/[arn]": "read",
  "GET /api/mttp": "read",
  "GET /api/noncompliant": "read",
  "GET /api/overview": "read",
  "GET /api/resources/noncompliant": "read",
  "GET /api/runs": "finops",
  "POST /api/runs": "admin",
  "GET /api/runs/[id]": "finops",
  "GET /api/savings/bucket-keys": "read",
  "GET /api/savings/idle-keys": "read",
  "GET /api/savings/compliance-cost": "read",
  "GET /api/settings": "read",
  "PUT /api/settings": "admin",
  // Reports (issue 16): the showback pack (PDF) for the FinOps review; schedules are admin's.
  "GET /api/reports/showback": "finops",
  "GET /api/reports/schedules": "admin",
  "POST /api/reports/schedules": "admin",
  "PUT /api/reports/schedules/[id]": "admin",
  "DELETE /api/reports/schedules/[id]": "admin",
  "POST /api/reports/schedules/[id]/send-now": "admin",
} as const satisfies Record<string, Access>;

export type RouteId = keyof typeof ACCESS_RULES;

const AUDIENCE: Record<Access, readonly Role[]> = {
  public: ["admin", "finops", "viewer"],
  read: ["admin", "finops", "viewer"],
  export: ["admin", "finops", "viewer"],
  finops: ["admin", "finops"],
  admin: ["admin"],
};

export function rolesFor(route: RouteId): readonly Role[] {
  return AUDIENCE[ACCESS_RULES[route]];
}

export function mayCall(principal: Principal, route: RouteId): boolean {
  return rolesFor(route).includes(principal.role);
}
