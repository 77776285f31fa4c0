// DELETE /api/admin/users/{id}/sessions: signs the user out everywhere (audited as
// user.sign-out); their next sign-in works as usual.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { uuidSegment } from "@/lib/api/params";
import { revokeSessionsOfUser } from "@/lib/admin/users";
import { currentPrincipal } from "@/lib/auth/context";
import { notFound } from "@/lib/domain/errors";

export const deleteUserSessionsEndpoint = defineEndpoint({
  route: "DELETE /api/admin/users/[id]/sessions",
  access: "admin",
  params: z.strictObject({ id: uuidSegment("user") }),
  query: async (db, { id }) => {
    const revoked = await revokeSessionsOfUser(db, currentPrincipal(), id);
    if (!revoked) throw notFound(`id: no user ${id}`);
    return revoked;
  },
});
