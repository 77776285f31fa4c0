// The admin's view of who signs in: users with their role and how many live sessions they have,
// the live sessions themselves, and revoking them (one, or all of a user's: "sign out everywhere").
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { audit } from "@/lib/auth/audit";
import type { Principal } from "@/lib/auth/principal";
import { revokeSessionRow, revokeUserSessions } from "@/lib/auth/sessions";
import { buLabel } from "@/lib/domain/business-unit";

/** A session that still works: not revoked, before its absolute expiry, not idle too long (sessions.ts). */
function liveSessions(idleMinutes: number, now: Date): Prisma.AppSessionWhereInput {
  return { revokedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - idleMinutes * 60_000) } };
}

const userLabel = (u: { email: string | null; name: string | null; subject: string }) => u.email ?? u.name ?? u.subject;

export async function listUsers(db: Db, idleMinutes: number, now = new Date()) {
  const [users, live, seen] = await Promise.all([
    db.appUser.findMany({ orderBy: [{ lastSignInAt: { sort: "desc", nulls: "last" } }, { subject: "asc" }] }),
    db.appSession.groupBy({ by: ["userId"], where: liveSessions(idleMinutes, now), _count: { _all: true } }),
    db.appSession.groupBy({ by: ["userId"], _max: { lastSeenAt: true } }),
  ]);
  const liveCount = new Map(live.map((r) => [r.userId, r._count._all]));
  const lastSeen = new Map(seen.map((r) => [r.userId, r._max.lastSeenAt]));
  return {
    items: users.map((u) => ({
      id: u.id,
      subject: u.subject,
      email: u.email,
      name: u.name,
      // null: in no mapped group at their last sign-in (they reach only the no-access page).
      role: u.role,
      businessUnits: u.role === "viewer" ? u.businessUnits.map(buLabel) : null,
      groups: u.groups,
      createdAt: u.createdAt,
      lastSignInAt: u.lastSignInAt,
      lastSeenAt: lastSeen.get(u.id) ?? null,
      activeSessions: liveCount.get(u.id) ?? 0,
    })),
  };
}

export async function listSessions(db: Db, idleMinutes: number, now = new Date()) {
  const sessions = await db.appSession.findMany({ where: liveSessions(idleMinutes, now), include: { user: true }, orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }] });
  return {
    items: sessions.map((s) => ({
      id: s.id,
      user: { id: s.user.id, subject: s.user.subject, name: userLabel(s.user), role: s.user.role },
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      // Whichever comes first ends it: the absolute expiry, or idleness from lastSeenAt on.
      expiresAt: s.expiresAt,
      idleExpiresAt: new Date(s.lastSeenAt.getTime() + idleMinutes * 60_000),
    })),
  };
}

/** Ends one session (null: no such session). The audit row names its user and when it was used. */
export async function revokeSessionAsAdmin(db: Db, by: Principal, id: string, now = new Date()) {
  const session = await db.appSession.findUnique({ where: { id }, include: { user: true } });
  if (!session) return null;
  const revoked = await revokeSessionRow(db, session, now);
  if (revoked) {
    const before = { user: userLabel(session.user), userId: session.userId, createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, expiresAt: session.expiresAt, revokedAt: null };
    await audit(db, by, "session.revoke", { target: id, before, after: { ...before, revokedAt: now } });
  }
  return { id, revoked, revokedAt: revoked ? now : session.revokedAt };
}

/** Signs a user out everywhere (null: no such user): one audit row with the number of sessions ended. */
export async function revokeSessionsOfUser(db: Db, by: Principal, userId: string, now = new Date()) {
  const user = await db.appUser.findUnique({ where: { id: userId } });
  if (!user) return null;
  const revoked = await revokeUserSessions(db, userId, now);
  if (revoked > 0) {
    await audit(db, by, "user.sign-out", { target: userId, before: { user: userLabel(user), unrevokedSessions: revoked }, after: { user: userLabel(user), unrevokedSessions: 0 } });
  }
  return { userId, revoked };
}
