// Security headers on every kind of response (page, API, static asset, not-found), the Host
// check, and pages that still work under the CSP in a real browser: no violation, charts drawn.
import { expect, test, type APIResponse, type Page } from "@playwright/test";

function expectBaseHeaders(response: APIResponse): Map<string, string[]> {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  const csp = headers["content-security-policy"];
  expect(csp, `CSP on ${response.url()}`).toBeTruthy();
  const directives = new Map(csp!.split(";").map((d) => d.trim().split(/\s+/)).map(([name = "", ...values]) => [name, values]));
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  return directives;
}

function expectPagePolicy(directives: Map<string, string[]>): string {
  const script = directives.get("script-src") ?? [];
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain("'unsafe-eval'");
  const nonce = script.find((v) => v.startsWith("'nonce-"));
  expect(nonce, "script-src has a nonce").toBeTruthy();
  expect(directives.get("object-src")).toEqual(["'none'"]);
  return nonce!.slice("'nonce-".length, -1);
}

test.describe("security headers", () => {
  test("a page: nonce CSP, the nonce on every script, a fresh nonce per response", async ({ request }) => {
    const first = await request.get("/");
    expect(first.status()).toBe(200);
    const nonce = expectPagePolicy(expectBaseHeaders(first));
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const second = await request.get("/");
    expect(expectPagePolicy(expectBaseHeaders(second))).not.toBe(nonce);
  });

  test("an API route: a policy that loads nothing", async ({ request }) => {
    const response = await request.get("/api/freshness");
    expect(response.status()).toBe(200);
    expect(expectBaseHeaders(response).get("default-src")).toEqual(["'none'"]);
  });

  test("a static asset and a not-found page", async ({ request }) => {
    const html = await (await request.get("/")).text();
    const asset = /\/_next\/static\/[^"]+\.(?:js|css)/.exec(html)?.[0];
    expect(asset, "the page links a built asset").toBeTruthy();
    const assetResponse = await request.get(asset!);
    expect(assetResponse.status()).toBe(200);
    expect(expectBaseHeaders(assetResponse).get("default-src")).toEqual(["'none'"]);

    const missing = await request.get("/no-such-page");
    expect(missing.status()).toBe(404);
    expectPagePolicy(expectBaseHeaders(missing));
  });

  test("a Host name the server is not known by gets 421 (DNS rebinding)", async ({ request }) => {
    const response = await request.get("/api/overview", { headers: { host: "attacker.example" } });
    expect(response.status()).toBe(421);
    expectBaseHeaders(response);
    expect(await response.json()).toEqual({
      error: { code: "misdirected_request", message: 'Host "attacker.example" is not served here; the server\'s names are set by ALLOWED_HOSTS' },
    });
  });
});

/** Collects CSP violations (the DOM event and Chromium's console report) while a page is used. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCspViolation(t: string): void }).__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  return violations;
}

test.describe("pages under the CSP", () => {
  test("overview, costs (charts) and keys render and hydrate without a CSP violation", async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto("/costs");
    await expect(page.getByTestId("chart-cost-by-group")).toBeVisible();
    // recharts draws its SVG only after hydration: scripts ran.
    await expect(page.getByTestId("chart-cost-by-group").locator("svg.recharts-surface").first()).toBeVisible();
    await page.goto("/keys");
    await expect(page.getByTestId("keys-table-count")).toContainText(" of ");
    // Client-side navigation loads more chunks under 'strict-dynamic'.
    await page.getByRole("link", { name: "Savings" }).first().click();
    await expect(page).toHaveURL(/\/savings$/);
    await expect(page.getByTestId("bucket-keys-table")).toBeVisible();
    expect(violations).toEqual([]);
  });
});
