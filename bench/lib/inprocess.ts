// Calling the app's route handlers inside the bench process: the same code `next start` runs,
// without HTTP. The app reads DATABASE_URL through the process-wide client of lib/db/client.ts,
// so switching datasets means dropping that cached client.
import { NextRequest } from "next/server";
import { runWithPrincipal } from "@/lib/auth/context";
import type { Principal } from "@/lib/auth/principal";

/** Handlers read the request's principal (lib/auth/context): the benches read as an admin. */
const BENCH_ADMIN: Principal = { kind: "none", id: "bench", name: "bench", role: "admin", businessUnits: null };

type Handler = (request: NextRequest) => Promise<Response> | Response;

const cache = globalThis as unknown as { kmsFinopsDb?: { $disconnect(): Promise<void> } };

export async function pointAppAt(url: string): Promise<void> {
  if (cache.kmsFinopsDb) await cache.kmsFinopsDb.$disconnect();
  cache.kmsFinopsDb = undefined;
  process.env.DATABASE_URL = url;
}

export async function releaseAppDatabase(): Promise<void> {
  if (cache.kmsFinopsDb) await cache.kmsFinopsDb.$disconnect();
  cache.kmsFinopsDb = undefined;
}

/**
 * GET `path` (with query) through `handler`, or the request `init` describes (a PUT with a JSON
 * body); the body is read to the end (serialization counts).
 */
export async function callRoute(handler: Handler, path: string, init?: { method: string; json: unknown }): Promise<{ status: number; bytes: number; body: string }> {
  const request = init
    ? new NextRequest(new URL(path, "http://127.0.0.1"), { method: init.method, body: JSON.stringify(init.json), headers: { "content-type": "application/json", origin: "http://127.0.0.1", host: "127.0.0.1" } })
    : new NextRequest(new URL(path, "http://127.0.0.1"));
  const response = await runWithPrincipal(BENCH_ADMIN, () => handler(request));
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${body.slice(0, 300)}`);
  return { status: response.status, bytes: body.length, body };
}

/** GET `path` through `handler` and hand back the unread response (streaming bodies). */
export async function callRouteStream(handler: Handler, path: string): Promise<Response> {
  const response = await runWithPrincipal(BENCH_ADMIN, () => handler(new NextRequest(new URL(path, "http://127.0.0.1"))));
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response;
}
