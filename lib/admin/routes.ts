// The shapes the admin routes share: a list without parameters, and a DELETE of one thing by
// its UUID that answers 404 when there is no such thing.
import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { notFound } from "@/lib/domain/errors";
import { parseInput, parseQuery } from "@/lib/api/params";
import { db, type Db } from "@/lib/db/client";
import { currentPrincipal } from "@/lib/auth/context";
import type { Principal } from "@/lib/auth/principal";

export function listRoute(list: (db: Db) => Promise<unknown>) {
  return (request: Request): Promise<Response> =>
    handle(async () => {
      parseQuery(request, z.strictObject({}));
      return list(db());
    });
}

/** `revoke` answers null for an unknown id (→ 404 naming it), else what the response shows. */
export function revokeRoute(what: string, revoke: (db: Db, by: Principal, id: string) => Promise<unknown>) {
  // Checked before the query: a malformed id would otherwise be a uuid cast error (500).
  const path = z.object({ id: z.uuid(`must be a ${what} id (UUID)`) });
  return (request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> =>
    handle(async () => {
      parseQuery(request, z.strictObject({}));
      const { id } = parseInput(path, await context.params);
      const result = await revoke(db(), currentPrincipal(), id);
      if (result === null) throw notFound(`id: no ${what} ${id}`);
      return result;
    });
}
