// Who may call what. An endpoint module (lib/endpoints/*) carries its own rule, `access`, beside
// its route and query; this table holds the rest: every page, the sign-in flow, and the handlers
// that are not modules (streams, the upload). tests/unit/auth/access-rules.test.ts walks
// app/**/page.tsx and app/**/route.ts on disk and fails when one has no rule (here or in its
// module) or has two, so a new route cannot ship without deciding who sees it; it also holds the
// invariants (only admins change things, viewers never see run details) over every rule at once.
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
  "PAGE /findings": "read",
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
  // The bill's imports name buckets and files; uploading one replaces a month's bill lines.
  "POST /api/bill/imports": "admin",
  "GET /api/export/audit": "admin",
  "GET /api/export/chargeback": "export",
  // Reports (issue 16): the showback pack (PDF) for the FinOps review; schedules are admin's.
  "GET /api/reports/showback": "finops",
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

/** True when a role is in the audience of an access level. */
export function roleMayCall(role: Role, access: Access): boolean {
  return AUDIENCE[access].includes(role);
}

export function mayCall(principal: Principal, route: RouteId): boolean {
  return rolesFor(route).includes(principal.role);
}
