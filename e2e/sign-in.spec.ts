// Sign-in through a real OpenID Connect provider (tests/oidc/provider.ts, started by
// scripts/e2e.ts) against the AUTH_MODE=oidc server: what each role sees and cannot reach.
import { expect, test } from "@playwright/test";
import { base, signIn } from "./oidc-sign-in";

test.skip(!base, "needs the AUTH_MODE=oidc server that scripts/e2e.ts starts");

const json = { "content-type": "application/json", origin: base ?? "" };

test.describe("OIDC sign-in", () => {
  test("an anonymous request gets 401 from the API and the sign-in redirect from pages", async ({ request }) => {
    const api = await request.get(`${base}/api/keys`);
    expect(api.status()).toBe(401);
    expect((await api.json()).error.code).toBe("unauthorized");
    const page = await request.get(`${base}/keys`, { maxRedirects: 0 });
    expect(page.status()).toBe(307);
    expect(page.headers()["location"]).toContain("/auth/sign-in?next=%2Fkeys");
  });

  test("an admin signs in, lands where they were going, reads runs and may start one", async ({ page, context }) => {
    await signIn(page, "ada.admin", "/keys");
    await expect(page).toHaveURL(`${base}/keys`);
    await expect(page.getByRole("heading", { name: "Keys", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveAttribute("href", "/admin");
    const session = (await context.cookies()).find((c) => c.name === "kfo_session")!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe("Lax");
    expect((await page.request.get(`${base}/api/runs`)).status()).toBe(200);
    // Admin passes the access check: the answer is the runs rule's (202 or 409), never 401/403.
    const post = await page.request.post(`${base}/api/runs`, { headers: json, data: {} });
    expect([202, 409]).toContain(post.status());
  });

  test("a BU viewer sees only their business unit and cannot reach runs or settings changes", async ({ page }) => {
    await signIn(page, "vic.viewer");
    await expect(page.getByRole("banner")).toBeVisible();
    const keys = await (await page.request.get(`${base}/api/keys?pageSize=500`)).json();
    expect(keys.total).toBeGreaterThan(0);
    expect(new Set(keys.items.map((r: { businessUnit: string }) => r.businessUnit))).toEqual(new Set(["payments"]));
    expect((await page.request.get(`${base}/api/keys?bu=data-platform`)).status()).toBe(404);
    expect((await page.request.get(`${base}/api/runs`)).status()).toBe(403);
    expect((await page.request.put(`${base}/api/settings`, { headers: json, data: {} })).status()).toBe(403);
    expect((await page.request.post(`${base}/api/runs`, { headers: json, data: {} })).status()).toBe(403);
    const runsPage = await page.goto(`${base}/runs`);
    expect(runsPage?.status()).toBe(404);
    // No Admin entry for a viewer, and the admin pages and API answer as if absent / forbidden.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Keys" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
    expect((await page.goto(`${base}/admin/tokens`))?.status()).toBe(404);
    expect((await page.request.get(`${base}/api/admin/tokens`)).status()).toBe(403);
  });

  test("finops reads everything but changes nothing", async ({ page }) => {
    await signIn(page, "fin.ops");
    const keys = await (await page.request.get(`${base}/api/keys?pageSize=500`)).json();
    expect(new Set(keys.items.map((r: { businessUnit: string }) => r.businessUnit)).size).toBeGreaterThan(1);
    expect((await page.request.get(`${base}/api/runs`)).status()).toBe(200);
    expect((await page.request.post(`${base}/api/runs`, { headers: json, data: {} })).status()).toBe(403);
  });

  test("a user without a mapped group is told which groups grant access", async ({ page }) => {
    await signIn(page, "nora.nogroup");
    await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
    await expect(page.getByText("kms-finops-admins")).toBeVisible();
    expect((await page.request.get(`${base}/api/keys`)).status()).toBe(401);
  });

  test("sign-out revokes the session: the same cookie no longer works", async ({ page, context }) => {
    await signIn(page, "ada.admin");
    expect((await page.request.get(`${base}/api/keys`)).status()).toBe(200);
    const cookie = (await context.cookies()).find((c) => c.name === "kfo_session")!.value;
    expect((await page.request.post(`${base}/auth/sign-out`, { headers: json, data: {} })).status()).toBe(200);
    const replay = await page.request.get(`${base}/api/keys`, { headers: { cookie: `kfo_session=${cookie}` } });
    expect(replay.status()).toBe(401);
  });

  test("a cross-site form POST to start a run is refused", async ({ page }) => {
    await signIn(page, "ada.admin");
    const res = await page.request.post(`${base}/api/runs`, { headers: { "content-type": "text/plain", origin: "https://evil.example" }, data: "{}" });
    expect(res.status()).toBe(403);
  });
});
