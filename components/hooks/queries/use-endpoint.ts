"use client";

// The typed way a view reads an endpoint module (lib/endpoints/*): the response type comes from
// the module's query, so the view reads real field names and typecheck catches a rename.
//   const coverage = useEndpoint<typeof coverageEndpoint>("/api/coverage", { from, groupBy: "bu" });
// Changes go through sendEndpoint, typed the same way (body from the schema, answer from the query).
// Only types cross from the server module (import type): no server code reaches the browser.
import type { Endpoint, ParamsOf, PathOf, ResponseOf } from "@/lib/api/endpoint";
import { apiSend, type QueryParams } from "./api-client";
import { useApiQuery } from "./use-api-query";

export interface EndpointOptions<S extends string = string, D = unknown> {
  /** The answer the server page already read (readEndpoint): rendered without a loading state. */
  initialData?: D;
  /** Values of the path's [segments] ("/api/keys/[arn]": { arn }), URL-encoded here. */
  segments?: Record<S, string>;
  /** false: wait (a detail view before its id is known). */
  enabled?: boolean;
}

/** "/api/keys/[arn]" + { arn } → "/api/keys/arn%3Aaws..." */
export function endpointUrl(path: string, segments: Record<string, string> = {}): string {
  return path.replace(/\[([^\]]+)\]/g, (_, name: string) => encodeURIComponent(segments[name] ?? ""));
}

/** The query string of an endpoint: its parameters but the path's segments (given in options). */
type QueryOf<E> = Omit<ParamsOf<E>, SegmentsOf<PathOf<E>>> & QueryParams;

/** GET an endpoint module's answer, keyed [path, segments and params]. */
export function useEndpoint<E extends Endpoint>(path: PathOf<E>, params: QueryOf<E> = {} as QueryOf<E>, options: EndpointOptions<SegmentsOf<PathOf<E>>, ResponseOf<E>> = {}) {
  const segments: Record<string, string> = options.segments ?? {};
  return useApiQuery<ResponseOf<E>>(path, endpointUrl(path, segments), params, options.enabled ?? true, { ...params, ...segments }, options.initialData);
}

/** The names of a path's [segments]: "id" for "/api/alerts/rules/[id]". */
type SegmentsOf<P> = P extends `${string}[${infer S}]${infer Rest}` ? S | SegmentsOf<Rest> : never;
/** Omit over each member of a union (a channel body is one of several kinds). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** The JSON body of a change: the module's parameters but the path segments, which go in the URL. */
export type BodyOf<E> = OmitEach<ParamsOf<E>, SegmentsOf<PathOf<E>>>;
/** { id } for a path with [id]; nothing for a path without segments. */
type SegmentValues<E> = [SegmentsOf<PathOf<E>>] extends [never] ? [] : [Record<SegmentsOf<PathOf<E>>, string>];
type MethodOf<E> = E extends Endpoint<infer Route> ? (Route extends `${infer M} ${string}` ? M : never) : never;

/** POST/PUT/DELETE to an endpoint module: "/api/alerts/rules/[id]" + { id } → "/api/alerts/rules/0f…". */
export function sendEndpoint<E extends Endpoint>(method: MethodOf<E> & ("POST" | "PUT" | "DELETE"), path: PathOf<E>, body: BodyOf<E>, ...segments: SegmentValues<E>): Promise<ResponseOf<E>> {
  return apiSend<ResponseOf<E>>(method, endpointUrl(path, segments[0]), body);
}
