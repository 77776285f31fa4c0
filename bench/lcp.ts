// The built app in headless Chromium: largest contentful paint of the overview page on a first
// visit (fresh browser context each run, so nothing is cached), and the first-load JavaScript of
// every page: the scripts Chromium fetched, each gzipped (zlib default level) and summed.
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "playwright-core";
import { withClient } from "./lib/bench-db";
import { summarize, type Summary } from "./lib/stats";

export const CHROMIUM = process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export interface PageLoad {
  path: string;
  lcpMs: number | null;
  scripts: number;
  jsGzipBytes: number;
  jsRawBytes: number;
  status: number;
  /** False when the network was still busy 20 s after load (the page's data was still arriving). */
  networkIdle: boolean;
}

export interface LcpResult {
  dataset: string;
  overviewLcp: Summary;
  overviewRuns: PageLoad[];
  pages: PageLoad[];
}

const OBSERVE_LCP = `
  window.__lcp = null;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lcp = e.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
`;

async function visit(browser: Browser, baseUrl: string, path: string): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(OBSERVE_LCP);
    const scripts: Promise<{ raw: number; gzip: number }>[] = [];
    page.on("response", (response) => {
      const type = response.headers()["content-type"] ?? "";
      if (response.request().resourceType() === "script" || type.includes("javascript")) {
        scripts.push(response.body().then((b) => ({ raw: b.length, gzip: gzipSync(b).length })).catch(() => ({ raw: 0, gzip: 0 })));
      }
    });
    const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "load", timeout: 120_000 });
    // Client-side data may keep the network busy (slow API calls at large scale, refetches): wait
    // for idle, but at most 20 s; LCP entries recorded until then count (they stop at first input).
    const idle = await page.waitForLoadState("networkidle", { timeout: 20_000 }).then(() => true, () => false);
    await page.waitForTimeout(300);
    const lcp = (await page.evaluate("window.__lcp")) as number | null;
    const sizes = await Promise.all(scripts);
    return {
      path,
      lcpMs: lcp,
      scripts: sizes.length,
      jsGzipBytes: sizes.reduce((s, x) => s + x.gzip, 0),
      jsRawBytes: sizes.reduce((s, x) => s + x.raw, 0),
      status: response?.status() ?? 0,
      networkIdle: idle,
    };
  } finally {
    await context.close();
  }
}

export async function benchLcp(baseUrl: string, dataset: string, opts: { databaseUrl: string; runs: number; log: (m: string) => void }): Promise<LcpResult> {
  const keyArn = await withClient(opts.databaseUrl, async (c) => {
    const r = await c.query<{ key_arn: string }>("SELECT key_arn FROM kms_key_version WHERE valid_to = '9999-12-31' AND key_manager = 'CUSTOMER' ORDER BY key_arn LIMIT 1");
    return r.rows[0]?.key_arn;
  });
  const paths = ["/", "/resources", "/keys", "/costs", "/savings", "/teams", "/runs", "/settings", ...(keyArn ? [`/keys/${encodeURIComponent(keyArn)}`] : [])];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  try {
    await visit(browser, baseUrl, "/"); // the server's first render compiles nothing, but warms its caches and pool
    const overviewRuns: PageLoad[] = [];
    for (let i = 0; i < opts.runs; i++) overviewRuns.push(await visit(browser, baseUrl, "/"));
    const overviewLcp = summarize(overviewRuns.map((r) => r.lcpMs ?? NaN).filter(Number.isFinite));
    opts.log(`[lcp ${dataset}] overview LCP median ${overviewLcp.median.toFixed(0)} ms, p95 ${overviewLcp.p95.toFixed(0)} ms over ${overviewLcp.n} cold visits`);
    const pages: PageLoad[] = [];
    for (const path of paths) {
      const load = await visit(browser, baseUrl, path).catch((error: Error): PageLoad => {
        opts.log(`[lcp ${dataset}] ${path}: ${error.message.split("\n")[0]}`);
        return { path, lcpMs: null, scripts: 0, jsGzipBytes: 0, jsRawBytes: 0, status: 0, networkIdle: false };
      });
      pages.push(load);
      opts.log(`[lcp ${dataset}] ${path}: HTTP ${load.status}, LCP ${load.lcpMs?.toFixed(0) ?? "—"} ms, ${load.scripts} scripts, ${(load.jsGzipBytes / 1024).toFixed(1)} kB gzipped JS${load.networkIdle ? "" : ", network still busy after 20 s"}`);
    }
    return { dataset, overviewLcp, overviewRuns, pages };
  } finally {
    await browser.close();
  }
}
