// Any /api/* path no route serves: a JSON 404 in the one error shape (not Next's HTML page).
import { errorResponse } from "@/lib/api/errors";
import { notFound } from "@/lib/domain/errors";
import { publicRoute } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

function unknownPath(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  return Promise.resolve(errorResponse(notFound(`${path}: no such API endpoint (see docs/api.md)`)));
}

export const GET = publicRoute("GET /api/[...unknown]", unknownPath);
export const HEAD = publicRoute("HEAD /api/[...unknown]", unknownPath);
export const POST = publicRoute("POST /api/[...unknown]", unknownPath);
export const PUT = publicRoute("PUT /api/[...unknown]", unknownPath);
export const PATCH = publicRoute("PATCH /api/[...unknown]", unknownPath);
export const DELETE = publicRoute("DELETE /api/[...unknown]", unknownPath);
