import { jsonResponse, handle } from "@/lib/api/errors";
import { parseInput, readJsonBody } from "@/lib/api/params";
import { db } from "@/lib/db/client";
import { listTokens, newTokenBody, tokenToCreate } from "@/lib/admin/tokens";
import { listRoute } from "@/lib/admin/routes";
import { createApiToken } from "@/lib/auth/api-tokens";
import { currentPrincipal } from "@/lib/auth/context";
import { withAccess } from "@/lib/auth/with-access";
import { buLabel } from "@/lib/domain/business-unit";

export const dynamic = "force-dynamic";

/** 201 with the secret: the only time it is ever shown (only its sha256 is stored). createApiToken audits. */
function post(request: Request): Promise<Response> {
  return handle(async () => {
    const token = tokenToCreate(parseInput(newTokenBody, await readJsonBody(request)));
    const { id, secret } = await createApiToken(db(), currentPrincipal(), token);
    return jsonResponse({ id, name: token.name, role: token.role, businessUnits: token.businessUnits.map(buLabel), expiresAt: token.expiresAt, secret }, 201);
  });
}

export const GET = withAccess("GET /api/admin/tokens", listRoute((db) => listTokens(db)));
export const POST = withAccess("POST /api/admin/tokens", post);
