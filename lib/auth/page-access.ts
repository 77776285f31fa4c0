// The access check of server-rendered pages: the same authentication and rule table as the
// /api/* wrapper (with-access.ts), read from the incoming request's headers. A page that
// queries directly passes the principal it gets here to the scoped helpers (lib/auth/scope).
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { mayCall, type RouteId } from "./access-rules";
import { authConfig } from "./config";
import type { Principal } from "./principal";
import { authenticate } from "./with-access";

/**
 * Who is viewing the page being rendered (null: nobody signed in). React's per-request cache:
 * the page, the header's navigation and the session bar all ask, and authenticate once.
 */
export const pagePrincipal = cache(async (): Promise<Principal | null> =>
  authenticate(new Request("http://page.invalid/", { headers: await headers() }), authConfig()),
);

/**
 * The page's principal. Without one the visitor goes to sign-in; a role the page is not for
 * gets the 404 page (the page's existence is not something it needs to know).
 */
export async function requirePage(route: RouteId, path: string): Promise<Principal> {
  const principal = await pagePrincipal();
  if (!principal) redirect(`/auth/sign-in?next=${encodeURIComponent(path)}`);
  if (!mayCall(principal, route)) notFound();
  return principal;
}
