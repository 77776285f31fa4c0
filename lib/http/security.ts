// Security headers and the Host check of every response (proxy.ts applies them), as pure
// functions so they are tested without a server. Imports stay relative: next.config.ts loads this
// module too (to validate ALLOWED_HOSTS at start-up), and it does not resolve the "@/" alias.
import { z } from "zod";
import { ConfigError, type EnvSource } from "../config/env";

// ---- allowed Host names (DNS rebinding) -------------------------------------------------------
// A page on attacker.example whose name is re-pointed at 127.0.0.1 is same-origin with this
// server for the browser, so it could read every API answer. The browser still sends
// `Host: attacker.example`: answering only the names this server is known by stops it.

export const DEFAULT_ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"] as const;

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/**
 * `Host` header (or a configured name) → the bare lowercase name: port, trailing dot removed,
 * IPv6 in brackets. null when it is not a host name at all.
 */
export function normalizeHost(value: string): string | null {
  let host = value.trim().toLowerCase();
  if (host.startsWith("[")) {
    const end = host.indexOf("]");
    if (end < 0 || (end + 1 < host.length && !/^:\d{1,5}$/.test(host.slice(end + 1)))) return null;
    host = host.slice(0, end + 1);
    return IPV6.test(host) ? host : null;
  }
  if (host.includes(":")) {
    // A bare IPv6 address is only accepted in configuration; a Host header brackets it.
    if (/^[0-9a-f:.]+$/.test(host) && host.split(":").length > 2) return `[${host}]`;
    const [name = "", port = "", ...rest] = host.split(":");
    if (rest.length || !/^\d{1,5}$/.test(port)) return null;
    host = name;
  }
  host = host.replace(/\.$/, "");
  return HOSTNAME.test(host) ? host : null;
}

const securityEnvSchema = z.object({
  ALLOWED_HOSTS: z
    .string()
    .transform((list, ctx) => {
      const entries = list.split(",").map((s) => s.trim()).filter(Boolean);
      if (entries.length === 0) ctx.addIssue({ code: "custom", message: "must list at least one host name" });
      if (entries.includes("*")) return "*" as const;
      const hosts = entries.map((entry) => {
        const host = normalizeHost(entry);
        if (!host) ctx.addIssue({ code: "custom", message: `"${entry}" is not a host name (give names or IP addresses, no scheme or path)` });
        return host ?? "";
      });
      return hosts;
    })
    .optional(),
  APP_URL: z.string().url("must be the dashboard's URL, e.g. https://finops.example.com").optional(),
});

export interface SecurityConfig {
  /** Names the server answers to, or "*" when the check is left to a reverse proxy in front. */
  allowedHosts: ReadonlySet<string> | "*";
}

/** ALLOWED_HOSTS (default localhost, 127.0.0.1, [::1]) plus APP_URL's host; throws ConfigError naming the variable. */
export function parseSecurityConfig(source: EnvSource): SecurityConfig {
  const cleaned = { ALLOWED_HOSTS: source.ALLOWED_HOSTS || undefined, APP_URL: source.APP_URL || undefined };
  const parsed = securityEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const { ALLOWED_HOSTS, APP_URL } = parsed.data;
  if (ALLOWED_HOSTS === "*") return { allowedHosts: "*" };
  const hosts = new Set<string>(ALLOWED_HOSTS ?? DEFAULT_ALLOWED_HOSTS);
  const appHost = APP_URL ? normalizeHost(new URL(APP_URL).host) : null;
  if (appHost) hosts.add(appHost);
  return { allowedHosts: hosts };
}

export function isAllowedHost(hostHeader: string | null, config: SecurityConfig): boolean {
  if (config.allowedHosts === "*") return true;
  const host = hostHeader ? normalizeHost(hostHeader) : null;
  return host !== null && config.allowedHosts.has(host);
}

/** The answer to a request for a name this server is not known by: 421 Misdirected Request. */
export function misdirectedHostBody(hostHeader: string | null): { error: { code: string; message: string } } {
  if (!hostHeader) return { error: { code: "bad_request", message: "The request has no Host header" } };
  const shown = hostHeader.length > 100 ? `${hostHeader.slice(0, 100)}…` : hostHeader;
  return { error: { code: "misdirected_request", message: `Host "${shown}" is not served here; the server's names are set by ALLOWED_HOSTS` } };
}
export const misdirectedHostStatus = (hostHeader: string | null) => (hostHeader ? 421 : 400);

// ---- headers ----------------------------------------------------------------------------------

/** On every response, whatever it is. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  // Full URLs (with their filters: business units, key ARNs) stay inside the dashboard.
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // For browsers without CSP frame-ancestors.
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** JSON, CSV, scripts and stylesheets are never rendered as a document: they may load nothing. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The policy of an HTML page. Next.js puts inline scripts in every App Router page (the RSC
 * payload, `self.__next_f.push(...)`), so scripts cannot go without a nonce: Next reads the nonce
 * from this header on the request and puts it on its own script tags; 'strict-dynamic' lets the
 * chunks those scripts load run without listing them.
 *
 * Styles: stylesheets come from 'self' (Tailwind compiles to a file) and inline <style> elements
 * need the nonce. Style *attributes* are another matter: recharts renders its SVG with style="..."
 * (tooltips, legends, responsive containers) and React server-renders every `style` prop as one,
 * so `style-src-attr 'unsafe-inline'` is required. It allows inline CSS on attributes only (no
 * script, no <style> element); the worst an injection could do with it is restyle the page.
 *
 * Development: React's dev build uses eval (server error stacks), and the dev server injects
 * <style> elements without a nonce (hot reload).
 */
export function pageContentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The nonce of a page policy, read back from the request's CSP header (proxy.ts puts it there)
 * by the layout, for the one inline script of its own (the colour scheme, applied before paint).
 */
export function nonceFromPolicy(policy: string | null): string | undefined {
  return policy ? /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1] : undefined;
}

/** 128 random bits, base64: a fresh one for every page response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * HTML pages, including the not-found page of an unknown path, get the page policy; the API and
 * Next's build output (/_next/...) the resource policy. Anything else under the app (there is no
 * public/ folder) renders as a page.
 */
export function isDocumentPath(pathname: string): boolean {
  return !(pathname === "/api" || pathname.startsWith("/api/") || pathname.startsWith("/_next/"));
}

/** Every security header of one response: the base set plus the right CSP. */
export function securityHeaders(pathname: string, nonce: string | null, dev = false): Record<string, string> & { "Content-Security-Policy": string } {
  const csp = isDocumentPath(pathname) && nonce ? pageContentSecurityPolicy(nonce, dev) : RESOURCE_CSP;
  return { ...BASE_SECURITY_HEADERS, "Content-Security-Policy": csp };
}
