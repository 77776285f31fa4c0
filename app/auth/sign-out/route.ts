// Ends the browser's session: the row is revoked (not only the cookie dropped), so a copied
// cookie stops working too. Same CSRF rule as every state-changing route.
import { jsonResponse } from "@/lib/api/errors";
import { authConfig } from "@/lib/auth/config";
import { clearCookie, isSecureUrl } from "@/lib/auth/cookies";
import { csrfProblem } from "@/lib/auth/csrf";
import { revokeSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { cookieOf, publicRoute } from "@/lib/auth/with-access";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

async function post(request: Request): Promise<Response> {
  const config = authConfig();
  const csrf = csrfProblem(request, config.APP_URL);
  if (csrf) return jsonResponse({ error: { code: "forbidden", message: csrf } }, 403);
  const session = cookieOf(request, SESSION_COOKIE);
  if (session) await revokeSession(db(), session);
  const response = jsonResponse({ signedOut: true });
  response.headers.append("set-cookie", clearCookie(SESSION_COOKIE, { secure: isSecureUrl(config.APP_URL) }));
  return response;
}

export const POST = publicRoute("POST /auth/sign-out", post);
