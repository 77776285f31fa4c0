// The wrapper every route handler goes through:
//   export const GET = withAccess("GET /api/keys", handler)
// It authenticates (bearer token, else session cookie; demo and none modes give their fixed
// principal, or the BU manager the demo visitor chose to view as), checks the route's rule in access-rules.ts and the CSRF rule, and runs the handler
// inside runWithPrincipal so scoped queries read the principal with currentPrincipal().
import { jsonResponse } from "@/lib/api/errors";
import { db } from "@/lib/db/client";
import { ACCESS_RULES, roleMayCall, type Access, type RouteId } from "./access-rules";
import { principalOfToken } from "./api-tokens";
import { authConfig, type AuthConfig } from "./config";
import { runWithPrincipal } from "./context";
import { csrfProblem } from "./csrf";
import { DEMO_VIEW_COOKIE, demoPrincipal } from "./demo-view";
import type { Principal } from "./principal";
import { principalOfSession, SESSION_COOKIE } from "./sessions";
import { bearerOf } from "./tokens";

const NO_AUTH: Principal = { kind: "none", id: "anonymous", name: "local (AUTH_MODE=none)", role: "admin", businessUnits: null };

const denied = (status: 401 | 403, code: "unauthorized" | "forbidden", message: string) => jsonResponse({ error: { code, message } }, status);

export function cookieOf(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return null;
}

/** Who sends this request, or null for an anonymous one (or an invalid credential). */
export async function authenticate(request: Request, config: AuthConfig = authConfig()): Promise<Principal | null> {
  const bearer = bearerOf(request);
  if (bearer) return principalOfToken(db(), bearer);
  if (config.AUTH_MODE === "none") return NO_AUTH;
  if (config.AUTH_MODE === "demo") return demoPrincipal(cookieOf(request, DEMO_VIEW_COOKIE));
  const session = cookieOf(request, SESSION_COOKIE);
  if (!session) return null;
  return principalOfSession(db(), session, { idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS });
}

/** A handler that is not an endpoint module, under its rule in the ACCESS_RULES table. */
export function withAccess<R extends Request, A extends unknown[]>(route: RouteId, handler: (request: R, ...rest: A) => Promise<Response>) {
  return withRule(route, ACCESS_RULES[route], handler);
}

/** A handler under an explicit rule: an endpoint module's own `access` (lib/api/serve.ts). */
export function withRule<R extends Request, A extends unknown[]>(route: string, access: Access, handler: (request: R, ...rest: A) => Promise<Response>) {
  return async (request: R, ...rest: A): Promise<Response> => {
    const config = authConfig();
    const principal = await authenticate(request, config);
    if (!principal) return denied(401, "unauthorized", "sign in, or send Authorization: Bearer <API token>");
    if (!roleMayCall(principal.role, access)) return denied(403, "forbidden", `role ${principal.role} may not call ${route}`);
    const csrf = principal.kind === "token" ? null : csrfProblem(request, config.APP_URL);
    if (csrf) return denied(403, "forbidden", csrf);
    return runWithPrincipal(principal, () => handler(request, ...rest));
  };
}

/** A route anyone may call (its rule says "public"): the sign-in flow checks its own proofs. */
export function publicRoute<H>(route: RouteId, handler: H): H {
  if (ACCESS_RULES[route] !== "public") throw new Error(`${route} is not a public route in access-rules.ts`);
  return handler;
}
