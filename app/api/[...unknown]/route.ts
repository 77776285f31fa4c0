// Any /api/* path no route serves: a JSON 404 in the one error shape (not Next's HTML page).
import { errorResponse, notFound } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

function unknownPath(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  return Promise.resolve(errorResponse(notFound(`${path}: no such API endpoint (see docs/api.md)`)));
}

export const GET = unknownPath;
export const HEAD = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
