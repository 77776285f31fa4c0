// One module per endpoint (lib/endpoints/<path>.ts) declares what the endpoint is: its route,
// who may call it (its access rule), its zod parameters, and its query; the response type is
// inferred from the query. route.ts files are one line (`export const GET = serve(endpoint)`), and the browser
// reads the endpoint through the typed hook useEndpoint (components/hooks/queries/use-endpoint.ts),
// so a field renamed in a query fails typecheck in the view that reads it.
import type { z } from "zod";
import type { Access } from "@/lib/auth/access-rules";
import type { Db } from "@/lib/db/client";

export interface EndpointContext {
  /** The request (headers, a stream body); absent for a cached endpoint, whose answer is shared. */
  request?: Request;
}

/** "GET /api/costs/by-bu": the method and the app/api path, as in docs/api.md's headings. */
export type EndpointRoute = `${"GET" | "POST" | "PUT" | "PATCH" | "DELETE"} /api/${string}`;

export interface Endpoint<Route extends EndpointRoute = EndpointRoute, S extends z.ZodType = z.ZodType, R = unknown> {
  route: Route;
  /**
   * Who may call it (lib/auth/access-rules.ts explains each level), beside the endpoint it guards:
   * the table there holds pages and the few handlers that are not modules.
   */
  access: Exclude<Access, "public">;
  /**
   * The query string (GET, DELETE) or JSON body (POST, PUT, PATCH) as a z.strictObject; path
   * segments ([arn], [id]) are parameters too, under their folder name. Bad input → 400 naming it.
   */
  params: S;
  /** `bu` is narrowed to the caller's business-unit scope before the query sees it (lib/auth/scope.ts). */
  query: (db: Db, params: z.output<S>, context: EndpointContext) => Promise<R>;
  /**
   * "generation": the JSON answer is kept per data generation and parameters (after scoping), for
   * reads many people repeat between two ingestions (overview, key list).
   */
  cache?: "generation";
  /** The status of a successful answer when it is not 200: 201 for a created thing, 202 for queued work. */
  status?: 201 | 202;
  /** "optional": an empty request body reads as {} (a POST whose fields are all optional). */
  body?: "optional";
}

export const defineEndpoint = <Route extends EndpointRoute, S extends z.ZodType, R>(endpoint: Endpoint<Route, S, R>) => endpoint;

/** What JSON.stringify makes of a value (bigints travel as decimal strings: lib/api/errors.ts). */
export type Json<T> = T extends bigint
  ? string
  : T extends Date
    ? string
    : T extends Response
      ? unknown
      : T extends (infer U)[]
        ? Json<U>[]
        : T extends readonly (infer U)[]
          ? readonly Json<U>[]
          : T extends object
            ? { [K in keyof T]: Json<T[K]> }
            : T;

/** The response body of an endpoint as the browser receives it. */
export type ResponseOf<E> = E extends Endpoint<EndpointRoute, z.ZodType, infer R> ? Json<Awaited<R>> : never;
/** The parameters a caller sends (query string values before parsing). */
export type ParamsOf<E> = E extends Endpoint<EndpointRoute, infer S, unknown> ? z.input<S> : never;
/** "/api/costs/by-bu" for "GET /api/costs/by-bu". */
export type PathOf<E> = E extends Endpoint<infer Route, z.ZodType, unknown> ? (Route extends `${string} ${infer P}` ? P : never) : never;
