import { get } from "node:http";
import { gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { expectedOverview } from "./expected-overview";

/** The raw bytes and headers of a GET, without any client-side decoding. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; encoding: string | undefined; etag: string | undefined; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, encoding: res.headers["content-encoding"], etag: res.headers.etag, bytes: Buffer.concat(chunks) }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

// The JSON API through the production server, the way a browser reads it: the overview is cached
// per data generation and compressed by the server once (a handler-side gzip was once doubled).
test("GET /api/overview answers gzip that decodes once to the overview's JSON", async ({ request, baseURL }) => {
  const raw = await rawGet(`${baseURL}/api/overview`, { "accept-encoding": "gzip" });
  expect(raw.encoding).toBe("gzip");
  const body = JSON.parse(gunzipSync(raw.bytes).toString("utf8"));
  const expected = (await expectedOverview())!;
  expect(body.tiles.nonCompliant.total).toBe(expected.nonCompliant);
  expect(body.tiles.keys.customerManaged).toBe(expected.customerManagedKeys);
  // The next request is served from the cache: the same figures.
  expect(await (await request.get("/api/overview")).json()).toEqual(body);
});

// The ETag revalidates with a bodiless 304 until the data changes; a full answer is gzipped by
// `next start` (a route handler cannot set Content-Encoding there: next drops it).
test("GET /api/overview answers 304 without a body for its ETag", async ({ baseURL }) => {
  const raw = await rawGet(`${baseURL}/api/overview`, { "accept-encoding": "gzip" });
  expect([raw.status, raw.encoding]).toEqual([200, "gzip"]);
  expect(raw.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
  const again = await rawGet(`${baseURL}/api/overview`, { "accept-encoding": "gzip", "if-none-match": raw.etag! });
  expect([again.status, again.bytes.length, again.etag]).toEqual([304, 0, raw.etag]);
});
