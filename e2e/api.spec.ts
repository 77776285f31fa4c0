import { get } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
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

// Compressed once per data generation by the handler (br when accepted), never again by `next
// start`; the ETag revalidates with a bodiless 304 until the data changes.
test("GET /api/overview answers br that decodes once, and 304 for its ETag", async ({ baseURL }) => {
  const raw = await rawGet(`${baseURL}/api/overview`, { "accept-encoding": "gzip, deflate, br" });
  expect(raw.encoding).toBe("br");
  const body = JSON.parse(brotliDecompressSync(raw.bytes).toString("utf8"));
  expect(body.tiles.keys.customerManaged).toBe((await expectedOverview())!.customerManagedKeys);
  const again = await rawGet(`${baseURL}/api/overview`, { "accept-encoding": "gzip, deflate, br", "if-none-match": raw.etag! });
  expect([again.status, again.bytes.length, again.etag]).toEqual([304, 0, raw.etag]);
});
