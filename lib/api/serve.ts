// The one route handler every endpoint module is served by: authenticate and check the access
// rule (the module's `access`), parse the query string or JSON body and the path segments with the module's
// schema (400 naming the parameter), narrow `bu` to the caller's scope, run the query, and answer
// JSON (200, or the endpoint's `status`) in the one error shape (errors.ts).
import { z } from "zod";
import type { Endpoint, EndpointRoute, ParamsOf, ResponseOf } from "./endpoint";
import { principalKey, type Principal } from "@/lib/auth/principal";
import { currentPrincipal } from "@/lib/auth/context";
import { scopedFilters } from "@/lib/auth/scope";
import { withRule } from "@/lib/auth/with-access";
import { db } from "@/lib/db/client";
import { handle, jsonResponse } from "./errors";
import { GenerationResponseCache } from "./generation-cache";
import { checkRange, parseInput, parseQuery, readJsonBody } from "./params";

// One cache per endpoint and process, shared by its route and by server pages (readEndpoint).
const caches = new WeakMap<Endpoint, GenerationResponseCache<Record<string, unknown>>>();
function cacheOf(e: Endpoint): GenerationResponseCache<Record<string, unknown>> | null {
  if (e.cache !== "generation") return null;
  let cache = caches.get(e);
  if (!cache) caches.set(e, (cache = new GenerationResponseCache((client, params: Record<string, unknown>) => e.query(client, params, {}))));
  return cache;
}

/** Who asks, for the ETag: a cached answer validated for one principal is never another's. */
const viewerOf = (p: Principal) => `${principalKey(p)}:${p.role}`;

type RouteContext = { params?: Promise<Record<string, string | string[]>> };

const HAS_BODY = new Set(["POST", "PUT", "PATCH"]);
const NO_QUERY = z.strictObject({});

async function inputOf(endpoint: Endpoint, request: Request, context: RouteContext | undefined): Promise<Record<string, unknown>> {
  const segments = context?.params ? await context.params : {};
  const method = endpoint.route.slice(0, endpoint.route.indexOf(" "));
  if (!HAS_BODY.has(method)) return parseQuery(request, endpoint.params, segments) as Record<string, unknown>;
  // The body is the input: a query string parameter is as unknown as a misspelt body field.
  parseQuery(request, NO_QUERY);
  const empty = endpoint.body === "optional" && (request.headers.get("content-length") === "0" || !request.body);
  return parseInput(endpoint.params, { ...(empty ? {} : await readJsonBody(request)), ...segments }) as Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any endpoint: its params and answer types vary
export function serve<E extends Endpoint<EndpointRoute, any, unknown>>(endpoint: E) {
  const e = endpoint as unknown as Endpoint;
  // A cached answer is shared by every caller with the same (scoped) parameters: its query gets
  // no request to read.
  const cache = cacheOf(e);
  return withRule(e.route, e.access, (request: Request, context?: RouteContext) =>
    handle(async () => {
      const params = scopedFilters(await inputOf(e, request, context)) as Record<string, unknown>;
      checkRange(params as { from?: string; to?: string });
      if (cache) return cache.response(db(), params, request, viewerOf(currentPrincipal()));
      const result = await e.query(db(), params, { request });
      return e.status && !(result instanceof Response) ? jsonResponse(result, e.status) : result;
    }),
  );
}

/**
 * A server page's read of a cached GET endpoint, for the principal the page checked: the same
 * answer, from the same cache, as the browser's request would get. The page renders with it at
 * once (useEndpoint's initialData) instead of painting a loading state and asking again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any endpoint: its params and answer types vary
export async function readEndpoint<E extends Endpoint<EndpointRoute, any, unknown>>(endpoint: E, params: ParamsOf<E>, principal: Principal): Promise<ResponseOf<E>> {
  const e = endpoint as unknown as Endpoint;
  const cache = cacheOf(e);
  if (!cache) throw new Error(`${e.route} is not cached: read it in the browser`);
  const scoped = scopedFilters(parseInput(e.params, params) as Record<string, unknown>, principal);
  return JSON.parse(await cache.body(db(), scoped)) as ResponseOf<E>;
}
