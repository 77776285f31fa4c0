// Calls a route handler the way Next.js would, and reads the JSON answer. The access layer runs
// every handler with a principal: here an admin unless the test names another.
import { createApiToken } from "@/lib/auth/api-tokens";
import { runWithPrincipal } from "@/lib/auth/context";
import { db } from "@/lib/db/client";
import type { Principal } from "@/lib/auth/principal";

export const TEST_ADMIN: Principal = { kind: "none", id: "test-admin", name: "test admin", role: "admin", businessUnits: null };

/** A parsed JSON answer: tests read it field by field and assert on the values. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

// The handlers run behind the access layer (lib/auth/with-access.ts): these tests are about the
// figures, so they run as the AUTH_MODE=none local admin; tests/integration/auth covers access.
process.env.AUTH_MODE ??= "none";

type Handler = (request: Request, context: { params: Promise<Json> }) => Promise<Response>;

/** Another principal than the local admin proves itself as the access layer requires: a bearer API token of its role and scope. */
export function bearerFor(principal: Principal): Promise<string> {
  // One per call: tests reset tables between cases, so a cached token could be gone.
  const expiresAt = new Date(Date.now() + 3_600_000);
  const input = { name: `test ${principal.role}`, role: principal.role, businessUnits: principal.businessUnits ?? [], expiresAt };
  return createApiToken(db(), TEST_ADMIN, input).then((t) => t.secret);
}

export async function call<T = Json>(
  handler: Handler,
  path: string,
  init: { method?: string; body?: unknown; params?: Record<string, string>; principal?: Principal } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = init.body === undefined ? {} : { "content-type": "application/json", origin: "http://x" };
  if (init.principal && init.principal !== TEST_ADMIN) headers.authorization = `Bearer ${await bearerFor(init.principal)}`;
  const request = new Request(`http://x${path}`, {
    method: init.method ?? "GET",
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const response = await runWithPrincipal(init.principal ?? TEST_ADMIN, () => handler(request, { params: Promise.resolve(init.params ?? {}) }));
  return { status: response.status, body: (await response.json()) as T };
}
