// One error shape for every endpoint: { error: { code, message } }. Input problems are 400 with
// a message naming the parameter, missing things 404; anything else is a 500 whose details go
// to the server log, not to the client.
import { ApiError } from "@/lib/domain/errors";
import { PolicySettingsError } from "@/lib/settings/policy";

/** JSON.stringify replacer: bigints (byte counts, ids) travel as decimal strings. */
function replacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

/** A response body as JSON, bigints as decimal strings. */
export function jsonBody(body: unknown): string {
  return JSON.stringify(body, replacer);
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(jsonBody(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
  });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) return jsonResponse({ error: { code: error.code, message: error.message } }, error.status);
  // Every invalid setting at once (the message starts with the first), so a form marks them all.
  if (error instanceof PolicySettingsError) return jsonResponse({ error: { code: "bad_request", message: error.message, fields: error.fieldErrors } }, 400);
  console.error(error);
  return jsonResponse({ error: { code: "internal", message: "Internal error" } }, 500);
}

/** Runs a handler body and turns whatever it throws into the one error shape. */
export async function handle(body: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await body();
    // A handler that needs another status (202, a stream) returns its own Response.
    return result instanceof Response ? result : jsonResponse(result);
  } catch (error) {
    return errorResponse(error);
  }
}
