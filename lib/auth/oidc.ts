// OpenID Connect with openid-client: discovery once per process, the authorization-code flow
// with PKCE (S256), state and nonce. The one-time values of a sign-in travel in a short-lived
// HttpOnly cookie scoped to /auth, so no server state is needed between redirect and callback.
import * as client from "openid-client";
import type { AuthConfig } from "./config";

export const FLOW_COOKIE = "kfo_oidc";
export const FLOW_MAX_AGE_S = 600;

let discovered: Promise<client.Configuration> | undefined;

/** Plain http is accepted only for an issuer on this machine (a test or local IdP). */
function isLoopback(url: URL): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

export function oidcConfiguration(config: AuthConfig): Promise<client.Configuration> {
  discovered ??= (async () => {
    const issuer = new URL(config.OIDC_ISSUER!);
    const insecure = issuer.protocol === "http:" && isLoopback(issuer);
    return client.discovery(issuer, config.OIDC_CLIENT_ID!, config.OIDC_CLIENT_SECRET!, undefined, insecure ? { execute: [client.allowInsecureRequests] } : undefined);
  })().catch((error: unknown) => {
    discovered = undefined; // the IdP may be back on the next sign-in
    throw error;
  });
  return discovered;
}

export const redirectUri = (config: AuthConfig) => new URL("/auth/callback", config.APP_URL).toString();

export type SignInFlow = { verifier: string; state: string; nonce: string; next: string };

export async function startSignIn(config: AuthConfig, next: string): Promise<{ url: URL; flow: SignInFlow }> {
  const oidc = await oidcConfiguration(config);
  const flow: SignInFlow = { verifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce(), next };
  const url = client.buildAuthorizationUrl(oidc, {
    redirect_uri: redirectUri(config),
    scope: config.OIDC_SCOPES,
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
  });
  return { url, flow };
}

/** Exchanges the code (checking state, nonce and PKCE) and returns the ID token's claims, with userinfo's when the groups claim is not in the ID token. */
export async function finishSignIn(config: AuthConfig, callbackUrl: URL, flow: SignInFlow): Promise<Record<string, unknown>> {
  const oidc = await oidcConfiguration(config);
  const tokens = await client.authorizationCodeGrant(oidc, callbackUrl, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
  const claims = tokens.claims()!;
  if (claims[config.OIDC_GROUPS_CLAIM] !== undefined) return claims;
  const userInfo = await client.fetchUserInfo(oidc, tokens.access_token, claims.sub);
  return { ...userInfo, ...claims };
}

/** Only a local path: an absolute or protocol-relative `next` would make sign-in an open redirect. */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
