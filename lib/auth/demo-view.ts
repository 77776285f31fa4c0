// The demo's "Viewing as" switcher (AUTH_MODE=demo only): the visitor is the demo admin until they
// pick a business unit, then a `viewer` scoped to that one BU, so they see exactly what a BU
// manager would — scoped by the same query code as a real viewer (lib/auth/scope.ts), not by a
// demo-only filter. The choice lives in a cookie: it grants nothing, since every demo visitor is
// an admin anyway, and outside demo mode nothing reads it.
import { z } from "zod";
import { errorResponse, jsonResponse } from "@/lib/api/errors";
import { badRequest } from "@/lib/domain/errors";
import { parseInput, readJsonBody } from "@/lib/api/params";
import { db as appDb, type Db } from "@/lib/db/client";
import type { AuthConfig } from "./config";
import { clearCookie, isSecureUrl, setCookie } from "./cookies";
import { csrfProblem } from "./csrf";
import type { Principal } from "./principal";
import { UNTAGGED, buLabel } from "@/lib/domain/business-unit";
import { OPEN_END } from "@/lib/domain/days";

export const DEMO_VIEW_COOKIE = "kms_finops_demo_view";
const DEMO_VIEW_MAX_AGE_SECONDS = 30 * 86_400;

export const DEMO_ADMIN: Principal = { kind: "demo", id: "demo", name: "Demo admin", role: "admin", businessUnits: null };

/**
 * The demo principal for the BU label in the view cookie (as the API shows BUs: "(untagged)" for
 * the untagged one), or the demo admin without one. An unknown label scopes to a BU without data:
 * an empty dashboard, never more than the admin sees.
 */
export function demoPrincipal(viewAs: string | null): Principal {
  if (!viewAs) return DEMO_ADMIN;
  return { kind: "demo", id: "demo", name: `Demo BU manager of ${viewAs}`, role: "viewer", businessUnits: [viewAs === UNTAGGED ? "" : viewAs] };
}

/**
 * The demo organization's business units as the API labels them: those of current keys and of
 * the last coverage day. The app's client by default: the session bar (a component) must not
 * import the database client.
 */
export async function demoBusinessUnits(db: Db = appDb()): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ bu: string }[]>(
    `SELECT business_unit AS bu FROM kms_key_version WHERE valid_to = '${OPEN_END}'::date
     UNION SELECT business_unit FROM coverage_bu_daily WHERE day = (SELECT max(day) FROM coverage_bu_daily)
     ORDER BY 1`,
  );
  return rows.map((r) => buLabel(r.bu));
}

const switchBody = z.strictObject({
  businessUnit: z.string({ error: "must be a business unit (as GET /api/coverage lists them) or null for the admin view" }).min(1).nullable(),
});

/**
 * POST /auth/demo-view {"businessUnit": "<BU>" | null}: sets (or, for null, clears) the view
 * cookie. 404 outside demo mode, so the route tells a real deployment nothing; the CSRF rule of
 * every state-changing request applies, so another site cannot flip a visitor's view.
 */
export async function switchDemoView(request: Request, config: AuthConfig, db: Db): Promise<Response> {
  if (config.AUTH_MODE !== "demo") return jsonResponse({ error: { code: "not_found", message: "the view switcher exists only with AUTH_MODE=demo" } }, 404);
  const csrf = csrfProblem(request, config.APP_URL);
  if (csrf) return jsonResponse({ error: { code: "forbidden", message: csrf } }, 403);
  try {
    const { businessUnit } = parseInput(switchBody, await readJsonBody(request));
    const secure = isSecureUrl(config.APP_URL);
    if (businessUnit === null) {
      const response = jsonResponse({ viewingAs: { role: "admin", businessUnit: null } });
      response.headers.append("set-cookie", clearCookie(DEMO_VIEW_COOKIE, { secure }));
      return response;
    }
    const known = await demoBusinessUnits(db);
    if (!known.includes(businessUnit)) throw badRequest(`businessUnit: ${JSON.stringify(businessUnit)} is not a business unit of the demo organization`);
    const response = jsonResponse({ viewingAs: { role: "viewer", businessUnit } });
    response.headers.append("set-cookie", setCookie(DEMO_VIEW_COOKIE, businessUnit, { maxAgeSeconds: DEMO_VIEW_MAX_AGE_SECONDS, secure }));
    return response;
  } catch (error) {
    return errorResponse(error);
  }
}
