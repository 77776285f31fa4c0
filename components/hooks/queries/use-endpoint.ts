"use client";

// The typed way a view reads an endpoint module (lib/endpoints/*): the response type comes from
// the module's query, so the view reads real field names and typecheck catches a rename.
//   const coverage = useEndpoint<typeof coverageEndpoint>("/api/coverage", { from, groupBy: "bu" });
// Only types cross from the server module (import type): no server code reaches the browser.
import type { Endpoint, ParamsOf, PathOf, ResponseOf } from "@/lib/api/endpoint";
import type { QueryParams } from "./api-client";
import { useApiQuery } from "./use-api-query";

export interface EndpointOptions {
  /** Values of the path's [segments] ("/api/keys/[arn]": { arn }), URL-encoded here. */
  segments?: Record<string, string>;
  /** false: wait (a detail view before its id is known). */
  enabled?: boolean;
}

/** "/api/keys/[arn]" + { arn } → "/api/keys/arn%3Aaws..." */
export function endpointUrl(path: string, segments: Record<string, string> = {}): string {
  return path.replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent(segments[name] ?? ""));
}

/** The names of a path's [segments]: "id" for "/api/runs/[id]" (they travel in the path, not the query string). */
type SegmentsOf<P> = P extends `${string}[${infer S}]${infer Rest}` ? S | SegmentsOf<Rest> : never;
/** The query-string parameters of an endpoint (its path segments are given in options.segments). */
type QueryOf<E> = Omit<ParamsOf<E>, SegmentsOf<PathOf<E>>> & QueryParams;

/** GET an endpoint module's answer, keyed [path, segments and params]. */
export function useEndpoint<E extends Endpoint>(path: PathOf<E>, params: QueryOf<E> = {} as QueryOf<E>, options: EndpointOptions = {}) {
  const segments = options.segments ?? {};
  return useApiQuery<ResponseOf<E>>(path, endpointUrl(path, segments), params, options.enabled ?? true, { ...params, ...segments });
}
