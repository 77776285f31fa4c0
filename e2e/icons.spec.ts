// The app's icon: a browser's first visit asks for /favicon.ico, phones for the apple-touch icon
// and the web manifest. Without them every first visit logged a 404 (issue 20 item 8).
import { expect, test } from "@playwright/test";

test("favicon, apple-touch icon and web manifest are served and linked from the page", async ({ request, page }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\//);

  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { name: string; icons: { src: string }[] };
  expect(body.name).toBe("KMS FinOps");
  for (const icon of body.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);

  const failed: string[] = [];
  page.on("response", (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto("/");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /icon|favicon/);
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  expect((await request.get(apple!)).status()).toBe(200);
  expect(failed).toEqual([]);
});
