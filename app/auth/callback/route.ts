// The IdP's redirect back: state, nonce and PKCE are checked by openid-client, the groups claim
// is mapped to a role, and a Postgres session starts. Every refusal is in the audit log.
import { audit } from "@/lib/auth/audit";
import { authConfig } from "@/lib/auth/config";
import { clearCookie, isSecureUrl, setCookie } from "@/lib/auth/cookies";
import { finishSignIn, FLOW_COOKIE, safeNext, type SignInFlow } from "@/lib/auth/oidc";
import { grantOfGroups, groupsOfClaims, roleMap } from "@/lib/auth/roles";
import { createSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { cookieOf, publicRoute } from "@/lib/auth/with-access";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

const ANONYMOUS = { kind: "none", id: "anonymous", name: "(not signed in)" } as const;

function flowOf(request: Request): SignInFlow | null {
  const raw = cookieOf(request, FLOW_COOKIE);
  if (!raw) return null;
  try {
    return JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as SignInFlow;
  } catch {
    return null;
  }
}

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });

async function get(request: Request): Promise<Response> {
  const config = authConfig();
  if (config.AUTH_MODE !== "oidc") return new Response(null, { status: 303, headers: { location: "/" } });
  const secure = isSecureUrl(config.APP_URL);
  const dropFlow = clearCookie(FLOW_COOKIE, { path: "/auth", secure });
  const flow = flowOf(request);
  if (!flow) return text(400, "This sign-in has expired or was started in another browser: open the dashboard again to sign in.", { "set-cookie": dropFlow });
  // The URL the IdP redirected to, as the browser saw it (a reverse proxy may rewrite the host).
  const incoming = new URL(request.url);
  const callbackUrl = new URL(incoming.pathname + incoming.search, config.APP_URL);
  let claims: Record<string, unknown>;
  try {
    claims = await finishSignIn(config, callbackUrl, flow);
  } catch (error) {
    const reason = (error as Error).message;
    await audit(db(), ANONYMOUS, "sign-in.failure", { after: { reason } });
    return text(401, `Sign-in failed: ${reason}`, { "set-cookie": dropFlow });
  }
  const subject = `${String(claims.iss)}#${String(claims.sub)}`;
  const email = typeof claims.email === "string" ? claims.email : null;
  const name = typeof claims.name === "string" ? claims.name : null;
  const groups = groupsOfClaims(claims, config.OIDC_GROUPS_CLAIM);
  const grant = grantOfGroups(groups, await roleMap(db(), config.AUTH_ROLE_MAP));
  const fields = { email, name, groups, role: grant?.role ?? null, businessUnits: grant?.businessUnits ?? [], lastSignInAt: new Date() };
  const user = await db().appUser.upsert({ where: { subject }, create: { id: crypto.randomUUID(), subject, ...fields }, update: fields });
  if (!grant) {
    await audit(db(), { kind: "session", id: user.id, name: email ?? subject }, "sign-in.failure", { after: { reason: "no mapped group", groups } });
    return new Response(null, { status: 303, headers: { location: "/auth/no-access", "set-cookie": dropFlow } });
  }
  const session = await createSession(db(), user.id, { idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS });
  const headers = new Headers({ location: safeNext(flow.next), "cache-control": "no-store" });
  headers.append("set-cookie", dropFlow);
  headers.append("set-cookie", setCookie(SESSION_COOKIE, session, { maxAgeSeconds: config.SESSION_MAX_HOURS * 3600, secure }));
  return new Response(null, { status: 303, headers });
}

export const GET = publicRoute("GET /auth/callback", get);
