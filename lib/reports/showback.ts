// The monthly showback pack: one PDF printed by Chromium from the dashboard's own print page
// (/reports/showback?month=YYYY-MM, page.pdf) plus the month's chargeback CSV
// (/api/export/chargeback), both fetched from the running app like a signed-in finops user.
//
// How the renderer gets in: it mints a short-lived API token (role finops, 10 minutes, named
// "internal: showback pack …"), sends it as `Authorization: Bearer` on every request of the
// browser context and of the CSV fetch, and revokes it as soon as the pack is built. Sign-in is
// never bypassed: the app checks the token like any other (lib/auth/api-tokens.ts), and the
// token is listed, revoked, on /admin/tokens.
import { randomUUID } from "node:crypto";
import pLimit from "p-limit";
import { chromium } from "playwright-core";
import type { Db } from "@/lib/db/client";
import { newSecret, sha256Hex, TOKEN_PREFIX } from "@/lib/auth/tokens";
import { env } from "@/lib/config/env";

/** Headless Chromium as e2e/ and bench/ launch it: nothing downloaded, no background traffic. */
export const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const TOKEN_MINUTES = 10;
const RENDER_TIMEOUT_MS = 60_000;

export interface ShowbackPack {
  month: string;
  pdf: Buffer;
  /** null when not asked for (the download route links the CSV export instead). */
  csv: Buffer | null;
  pdfName: string;
  csvName: string;
  /** Wall time of the render (token, Chromium start, page, PDF, CSV). */
  ms: number;
}

/** A finops token for one render; revoke() ends it at once. */
async function mintRenderToken(db: Db, month: string): Promise<{ secret: string; revoke: () => Promise<void> }> {
  const id = randomUUID();
  const secret = newSecret(TOKEN_PREFIX);
  await db.apiToken.create({
    data: { id, name: `internal: showback pack ${month}`, tokenHash: sha256Hex(secret), role: "finops", businessUnits: [], createdBy: "system:showback", expiresAt: new Date(Date.now() + TOKEN_MINUTES * 60_000) },
  });
  return { secret, revoke: async () => void (await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } })) };
}

async function printPdf(baseUrl: string, month: string, authorization: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: env().CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
  try {
    const context = await browser.newContext({ extraHTTPHeaders: { authorization }, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const response = await page.goto(new URL(`/reports/showback?month=${month}`, baseUrl).toString(), { waitUntil: "networkidle", timeout: RENDER_TIMEOUT_MS });
    if (!response?.ok()) throw new Error(`showback page answered ${response?.status() ?? "nothing"} at ${baseUrl}`);
    // The report is server-rendered: present means complete. A missing one is an error page.
    await page.getByTestId("showback-report").waitFor({ timeout: RENDER_TIMEOUT_MS });
    await page.emulateMedia({ media: "print" });
    // Landscape at 80 %: laid out ~1290 px wide, the width at which the pages' grids show their
    // columns as on a desktop screen (portrait A4 would stack every tile).
    return await page.pdf({ format: "A4", landscape: true, scale: 0.8, printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

async function fetchCsv(baseUrl: string, month: string, authorization: string): Promise<Buffer> {
  const response = await fetch(new URL(`/api/export/chargeback?from=${month}&to=${month}`, baseUrl), { headers: { authorization } });
  if (!response.ok) throw new Error(`chargeback export answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return Buffer.from(await response.arrayBuffer());
}

// One Chromium at a time per process: a second render waits (each takes a few hundred MB).
const oneAtATime = pLimit(1);

/**
 * Builds the pack for `month` (YYYY-MM, validated by the caller) against the app at `baseUrl`
 * (the server that serves the dashboard: the request's own origin, or the worker's
 * REPORTS_RENDER_URL / APP_URL).
 */
export function renderShowbackPack(db: Db, month: string, baseUrl: string, parts: { csv: boolean } = { csv: true }): Promise<ShowbackPack> {
  return oneAtATime(async () => {
    const started = Date.now();
    const token = await mintRenderToken(db, month);
    try {
      const authorization = `Bearer ${token.secret}`;
      const [pdf, csv] = await Promise.all([printPdf(baseUrl, month, authorization), parts.csv ? fetchCsv(baseUrl, month, authorization) : null]);
      return { month, pdf, csv, pdfName: `kms-showback-${month}.pdf`, csvName: `kms-chargeback-${month}.csv`, ms: Date.now() - started };
    } finally {
      await token.revoke();
    }
  });
}
