// Starts an OpenID Connect sign-in: PKCE verifier, state and nonce in a short-lived cookie,
// then off to the IdP. In demo and none modes everyone is already signed in.
import { authConfig } from "@/lib/auth/config";
import { isSecureUrl, setCookie } from "@/lib/auth/cookies";
import { FLOW_COOKIE, FLOW_MAX_AGE_S, safeNext, startSignIn } from "@/lib/auth/oidc";
import { publicRoute } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

async function get(request: Request): Promise<Response> {
  const config = authConfig();
  const next = safeNext(new URL(request.url).searchParams.get("next"));
  if (config.AUTH_MODE !== "oidc") return new Response(null, { status: 303, headers: { location: next } });
  try {
    const { url, flow } = await startSignIn(config, next);
    const cookie = setCookie(FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString("base64url"), { path: "/auth", maxAgeSeconds: FLOW_MAX_AGE_S, secure: isSecureUrl(config.APP_URL) });
    return new Response(null, { status: 303, headers: { location: url.toString(), "set-cookie": cookie, "cache-control": "no-store" } });
  } catch (error) {
    console.error(error);
    return new Response(`Sign-in is unavailable: the identity provider at ${config.OIDC_ISSUER} did not answer its discovery document.`, { status: 502, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}

export const GET = publicRoute("GET /auth/sign-in", get);
