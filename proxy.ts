// Runs before every request (pages, /api/*, /_next/static, unknown paths): refuses Host names the
// server is not known by (DNS rebinding) and sets the security headers, with a fresh CSP nonce for
// each page. The rules are in lib/http/security.ts; this file only applies them.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/config/env";
import {
  isAllowedHost,
  isDocumentPath,
  misdirectedHostBody,
  misdirectedHostStatus,
  newNonce,
  parseSecurityConfig,
  securityHeaders,
} from "@/lib/http/security";

// NODE_ENV is set by Next itself (and inlined at build), not a setting of this app.
const dev = process.env.NODE_ENV === "development";

export function proxy(request: NextRequest): NextResponse {
  // Validated at start-up by next.config.ts; env() keeps it for the requests.
  const config = env(parseSecurityConfig);
  const pathname = request.nextUrl.pathname;
  const host = request.headers.get("host");
  if (!isAllowedHost(host, config)) {
    const response = NextResponse.json(misdirectedHostBody(host), { status: misdirectedHostStatus(host) });
    for (const [name, value] of Object.entries(securityHeaders(pathname, null))) response.headers.set(name, value);
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  const nonce = isDocumentPath(pathname) ? newNonce() : null;
  const headers = securityHeaders(pathname, nonce, dev);
  let response: NextResponse;
  if (nonce) {
    // Next reads the nonce from the request's CSP header while rendering and puts it on its scripts.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    response = NextResponse.next();
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
