// The access check of server-rendered pages: the same authentication and rule table as the
// /api/* wrapper (with-access.ts), read from the incoming request's headers. A page that
// queries directly passes the principal it gets here to the scoped helpers (lib/auth/scope).
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { mayCall, type RouteId } from "./access-rules";
import { authConfig } from "./config";
import type { Principal } from "./principal";
import { authenticate } from "./with-access";

/**
 * The page's principal. Without one the visitor goes to sign-in; a role the page is not for
 * gets the 404 page (the page's existence is not something it needs to know).
 */
export async function requirePage(route: RouteId, path: string): Promise<Principal> {
  const incoming = await headers();
  const principal = await authenticate(new Request("http://page.invalid/", { headers: incoming }), authConfig());
  if (!principal) redirect(`/auth/sign-in?next=${encodeURIComponent(path)}`);
  if (!mayCall(principal, route)) notFound();
  return principal;
}
