// Set-Cookie values of the sign-in flow. HttpOnly (no script reads them), SameSite=Lax (sent on
// top-level navigation back from the IdP, not on cross-site subrequests), Secure when the
// dashboard is served over https.
export type CookieOptions = { path?: string; maxAgeSeconds: number; secure: boolean };

export function setCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? "/"}`, `Max-Age=${options.maxAgeSeconds}`, "HttpOnly", "SameSite=Lax"];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

export const clearCookie = (name: string, options: Omit<CookieOptions, "maxAgeSeconds">) => setCookie(name, "", { ...options, maxAgeSeconds: 0 });

export const isSecureUrl = (appUrl: string | undefined) => appUrl?.startsWith("https://") ?? false;
