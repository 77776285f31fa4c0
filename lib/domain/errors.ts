// The errors a request can be refused with, named by what went wrong: a service (report
// schedules, bill upload, chargeback parameters) throws them, and the HTTP layer
// (lib/api/errors.ts) answers each with its status in the one error shape. They live below both,
// so services never import the HTTP layer.

export type ApiErrorCode = "bad_request" | "not_found" | "conflict" | "payload_too_large" | "rate_limited" | "internal";

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 413 | 429 | 500,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badRequest = (message: string) => new ApiError(400, "bad_request", message);
export const notFound = (message: string) => new ApiError(404, "not_found", message);
export const payloadTooLarge = (message: string) => new ApiError(413, "payload_too_large", message);
