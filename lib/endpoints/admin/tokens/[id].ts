// DELETE /api/admin/tokens/{id}: revokes a token at once (audited as token.revoke); revoking it
// again changes nothing.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { uuidSegment } from "@/lib/api/params";
import { revokeToken } from "@/lib/admin/tokens";
import { currentPrincipal } from "@/lib/auth/context";
import { notFound } from "@/lib/domain/errors";

export const deleteTokenEndpoint = defineEndpoint({
  route: "DELETE /api/admin/tokens/[id]",
  access: "admin",
  params: z.strictObject({ id: uuidSegment("token") }),
  query: async (db, { id }) => {
    const revoked = await revokeToken(db, currentPrincipal(), id);
    if (!revoked) throw notFound(`id: no token ${id}`);
    return revoked;
  },
});
