// DELETE /api/admin/sessions/{id}: ends one session at once (audited as session.revoke); an
// ended one stays ended.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { uuidSegment } from "@/lib/api/params";
import { revokeSessionAsAdmin } from "@/lib/admin/users";
import { currentPrincipal } from "@/lib/auth/context";
import { notFound } from "@/lib/domain/errors";

export const deleteSessionEndpoint = defineEndpoint({
  route: "DELETE /api/admin/sessions/[id]",
  access: "admin",
  params: z.strictObject({ id: uuidSegment("session") }),
  query: async (db, { id }) => {
    const revoked = await revokeSessionAsAdmin(db, currentPrincipal(), id);
    if (!revoked) throw notFound(`id: no session ${id}`);
    return revoked;
  },
});
