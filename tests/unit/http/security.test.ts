import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config/env";
import {
  isAllowedHost,
  isDocumentPath,
  misdirectedHostBody,
  misdirectedHostStatus,
  newNonce,
  nonceFromPolicy,
  normalizeHost,
  pageContentSecurityPolicy,
  parseSecurityConfig,
  RESOURCE_CSP,
  securityHeaders,
} from "@/lib/http/security";

const directives = (csp: string) => new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name = "", ...values]) => [name, values]));

describe("allowed Host names", () => {
  it("answers localhost, 127.0.0.1 and [::1] on any port by default", () => {
    const config = parseSecurityConfig({});
    for (const host of ["localhost:3000", "127.0.0.1:54000", "[::1]:3000", "LOCALHOST", "localhost."]) expect(isAllowedHost(host, config)).toBe(true);
  });

  it("refuses other names, a missing Host and garbage (DNS rebinding)", () => {
    const config = parseSecurityConfig({});
    for (const host of ["attacker.example:3000", "localhost.attacker.example", "127.0.0.1.nip.io", "", "localhost:3000:1", "local host", "[::1"]) {
      expect(isAllowedHost(host, config)).toBe(false);
    }
    expect(isAllowedHost(null, config)).toBe(false);
  });

  it("adds APP_URL's host to the default list", () => {
    const config = parseSecurityConfig({ APP_URL: "https://FinOps.corp.example:8443/dashboard" });
    expect(isAllowedHost("finops.corp.example", config)).toBe(true);
    expect(isAllowedHost("localhost:3000", config)).toBe(true);
    expect(isAllowedHost("other.corp.example", config)).toBe(false);
  });

  it("ALLOWED_HOSTS replaces the default list; APP_URL's host still counts", () => {
    const config = parseSecurityConfig({ ALLOWED_HOSTS: "finops.corp.example, 10.0.0.5 ,::1", APP_URL: "https://kms.corp.example" });
    expect(isAllowedHost("finops.corp.example:443", config)).toBe(true);
    expect(isAllowedHost("10.0.0.5:3000", config)).toBe(true);
    expect(isAllowedHost("[::1]:3000", config)).toBe(true);
    expect(isAllowedHost("kms.corp.example", config)).toBe(true);
    expect(isAllowedHost("localhost:3000", config)).toBe(false);
  });

  it("ALLOWED_HOSTS=* leaves the check to a reverse proxy in front", () => {
    expect(isAllowedHost("anything.example", parseSecurityConfig({ ALLOWED_HOSTS: "*" }))).toBe(true);
  });

  it.each([
    [{ ALLOWED_HOSTS: "https://finops.example" }, "ALLOWED_HOSTS"],
    [{ ALLOWED_HOSTS: "finops.example/path" }, "ALLOWED_HOSTS"],
    [{ ALLOWED_HOSTS: " , " }, "ALLOWED_HOSTS"],
    [{ APP_URL: "finops.example" }, "APP_URL"],
  ])("stops start-up on %j naming %s", (env, name) => {
    expect(() => parseSecurityConfig(env)).toThrow(ConfigError);
    expect(() => parseSecurityConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${name}: `));
  });

  it("normalizes names, ports and IPv6", () => {
    expect(normalizeHost("Example.COM:8080")).toBe("example.com");
    expect(normalizeHost("[::1]:3000")).toBe("[::1]");
    expect(normalizeHost("::1")).toBe("[::1]");
    expect(normalizeHost("a b")).toBeNull();
    expect(normalizeHost("example.com:http")).toBeNull();
  });

  it("answers another name with 421 and no Host with 400, in the one error shape", () => {
    expect(misdirectedHostStatus("attacker.example")).toBe(421);
    expect(misdirectedHostBody("attacker.example")).toEqual({
      error: { code: "misdirected_request", message: 'Host "attacker.example" is not served here; the server\'s names are set by ALLOWED_HOSTS' },
    });
    expect(misdirectedHostStatus(null)).toBe(400);
    expect(misdirectedHostBody(null).error.code).toBe("bad_request");
  });
});

describe("security headers", () => {
  it("gives a page a nonce CSP with no inline script, no framing, and the base headers", () => {
    const headers = securityHeaders("/keys", "abc123==");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    const csp = directives(headers["Content-Security-Policy"]);
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(csp.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(headers["Content-Security-Policy"]).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });

  it("allows eval and inline styles only in development", () => {
    const csp = directives(pageContentSecurityPolicy("n", true));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("gives the API and build output a policy that loads nothing", () => {
    for (const path of ["/api/overview", "/api", "/_next/static/chunks/app.js"]) {
      expect(isDocumentPath(path)).toBe(false);
      expect(securityHeaders(path, null)["Content-Security-Policy"]).toBe(RESOURCE_CSP);
    }
    expect(directives(RESOURCE_CSP).get("default-src")).toEqual(["'none'"]);
    expect(directives(RESOURCE_CSP).get("frame-ancestors")).toEqual(["'none'"]);
    expect(isDocumentPath("/apiary")).toBe(true);
    expect(isDocumentPath("/no-such-page")).toBe(true);
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});

describe("the layout's nonce", () => {
  it("is read back from the page policy proxy.ts put on the request", () => {
    const nonce = newNonce();
    expect(nonceFromPolicy(pageContentSecurityPolicy(nonce))).toBe(nonce);
    expect(nonceFromPolicy(pageContentSecurityPolicy("abc+/09=", true))).toBe("abc+/09=");
    expect(nonceFromPolicy(RESOURCE_CSP)).toBeUndefined();
    expect(nonceFromPolicy(null)).toBeUndefined();
  });
});
