// DELETE /api/views/{id}: removes one of the caller's saved views; 404 for an unknown id or
// another person's view (the same answer, so ids tell nothing).
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { uuidSegment } from "@/lib/api/params";
import { currentPrincipal } from "@/lib/auth/context";
import { notFound } from "@/lib/domain/errors";
import { deleteSavedView } from "@/lib/views/saved-views";

export const deleteViewEndpoint = defineEndpoint({
  route: "DELETE /api/views/[id]",
  access: "read",
  params: z.strictObject({ id: uuidSegment("saved view") }),
  query: async (db, { id }) => {
    if (!(await deleteSavedView(db, currentPrincipal(), id))) throw notFound(`id: no saved view ${id}`);
    return { id, deleted: true };
  },
});
