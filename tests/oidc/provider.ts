// A real OpenID Connect provider for the end-to-end tests (the `oidc-provider` package, the
// certified implementation many IdPs build on), on a free 127.0.0.1 port. Its development login
// form accepts any password; the login name picks the account, whose groups claim drives the
// dashboard's role mapping exactly as an Okta/Entra ID groups claim would.
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export const OIDC_CLIENT = { id: "kms-finops-e2e", secret: "e2e-client-secret-not-used-anywhere-else" };

/** login name → groups claim. The role map of the e2e server (scripts/e2e.ts) maps these groups. */
export const OIDC_USERS: Record<string, string[]> = {
  "ada.admin": ["kms-finops-admins"],
  "fin.ops": ["finops-team"],
  "vic.viewer": ["eng-payments"],
  "nora.nogroup": ["marketing"],
  // Signed out by an admin in e2e/admin-users.spec.ts: nobody else's sessions are touched.
  "sam.signout": ["finops-team"],
};

export const E2E_ROLE_MAP = {
  "kms-finops-admins": "admin",
  "finops-team": "finops",
  "eng-payments": { role: "viewer", businessUnits: ["payments"] },
};

export type RunningProvider = { issuer: string; close: () => Promise<void> };

export async function startOidcProvider(port: number, redirectUri: string): Promise<RunningProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: OIDC_CLIENT.id, client_secret: OIDC_CLIENT.secret, redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email"], profile: ["name"], groups: ["groups"] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: `${id}@example.test`, name: id, groups: OIDC_USERS[id] ?? [] };
        },
      };
    },
    cookies: { keys: ["e2e-cookie-key-not-a-secret"] },
  });
  const server = provider.listen(port, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    issuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
