// The audit log: who changed which setting (before/after), started or cancelled a run, created
// or revoked a token, revoked a session or signed a user out everywhere, or failed to sign in.
import { db as appDb, type Db } from "@/lib/db/client";
import { currentPrincipal } from "./context";
import type { Prisma } from "@/generated/prisma/client";
import type { AuditAction } from "./audit-actions";
import type { Principal } from "./principal";

export { AUDIT_ACTIONS, type AuditAction } from "./audit-actions";

export type AuditActor = Pick<Principal, "kind" | "id" | "name">;

export async function audit(
  db: Db,
  actor: AuditActor,
  action: AuditAction,
  detail: { target?: string; before?: unknown; after?: unknown } = {},
): Promise<void> {
  await db.auditLog.create({
    data: {
      actorKind: actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      action,
      target: detail.target ?? null,
      ...(detail.before === undefined ? {} : { before: detail.before as Prisma.InputJsonValue }),
      ...(detail.after === undefined ? {} : { after: detail.after as Prisma.InputJsonValue }),
    },
  });
}

/**
 * Awaits a change and then records it as the request's principal: route handlers wrap their one
 * state-changing call in it, so a change that failed (400) leaves no audit row.
 */
export async function auditAfter<T>(change: Promise<T>, action: AuditAction, detail: { target?: string; before?: unknown; after?: unknown } = {}): Promise<T> {
  const result = await change;
  await audit(appDb(), currentPrincipal(), action, { ...detail, target: detail.target ?? (typeof result === "string" ? result : undefined) });
  return result;
}
