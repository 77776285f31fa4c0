// GET /api/admin/tokens: every API token with who created it and its status. POST creates one:
// 201 with the secret, the only time it is ever shown (only its sha256 is stored).
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { listTokens, newTokenBody, tokenToCreate } from "@/lib/admin/tokens";
import { createApiToken } from "@/lib/auth/api-tokens";
import { currentPrincipal } from "@/lib/auth/context";
import { buLabel } from "@/lib/domain/business-unit";

export const getTokensEndpoint = defineEndpoint({
  route: "GET /api/admin/tokens",
  access: "admin",
  params: z.strictObject({}),
  query: (db) => listTokens(db),
});

export const postTokensEndpoint = defineEndpoint({
  route: "POST /api/admin/tokens",
  access: "admin",
  params: newTokenBody,
  status: 201,
  // createApiToken audits (token.create).
  query: async (db, body) => {
    const token = tokenToCreate(body);
    const { id, secret } = await createApiToken(db, currentPrincipal(), token);
    return { id, name: token.name, role: token.role, businessUnits: token.businessUnits.map(buLabel), expiresAt: token.expiresAt, secret };
  },
});
