// Browser sessions in Postgres: the cookie carries a random token, the row its sha256. A session
// ends when idle for SESSION_IDLE_MINUTES, at its absolute expiry, or when revoked (sign-out,
// an admin); each check reads the row, so a revocation takes effect on the next request.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Principal } from "./principal";
import { newSecret, sha256Hex } from "./tokens";

export const SESSION_COOKIE = "kfo_session";
/** lastSeenAt is refreshed at most this often: idle expiry needs minutes, not per-request writes. */
const SEEN_RESOLUTION_MS = 60_000;

export type SessionLimits = { idleMinutes: number; maxHours: number };

export async function createSession(db: Db, userId: string, limits: SessionLimits, now = new Date()): Promise<string> {
  const secret = newSecret();
  await db.appSession.create({
    data: { id: randomUUID(), tokenHash: sha256Hex(secret), userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + limits.maxHours * 3_600_000) },
  });
  return secret;
}

/**
 * A resolved session is reused for CACHE_MS: a cookie request then costs no database round trip
 * (bench/auth.ts). The price: a session revoked by another process (an admin on another server)
 * still works for up to 5 s; sign-out in this process drops the entry at once.
 */
const CACHE_MS = 5_000;
const cache = new Map<string, { principal: Principal; until: number }>();

export async function principalOfSession(db: Db, secret: string, limits: SessionLimits, now = new Date()): Promise<Principal | null> {
  const hash = sha256Hex(secret);
  const hit = cache.get(hash);
  if (hit && hit.until > now.getTime()) return hit.principal;
  const principal = await lookUpSession(db, secret, limits, now);
  if (cache.size > 10_000) cache.clear();
  if (principal) cache.set(hash, { principal, until: now.getTime() + CACHE_MS });
  else cache.delete(hash);
  return principal;
}

async function lookUpSession(db: Db, secret: string, limits: SessionLimits, now: Date): Promise<Principal | null> {
  const session = await db.appSession.findUnique({ where: { tokenHash: sha256Hex(secret) }, include: { user: true } });
  if (!session || session.revokedAt || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > limits.idleMinutes * 60_000) return null;
  if (!session.user.role) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= SEEN_RESOLUTION_MS) {
    await db.appSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { user } = session;
  return { kind: "session", id: user.id, name: user.email ?? user.name ?? user.subject, role: user.role!, businessUnits: user.role === "viewer" ? user.businessUnits : null };
}

export async function revokeSession(db: Db, secret: string): Promise<void> {
  cache.delete(sha256Hex(secret));
  await db.appSession.updateMany({ where: { tokenHash: sha256Hex(secret), revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * An admin ends a session they know by its row (they never see its secret): the cache entry,
 * keyed by the token hash, is dropped so this process refuses it at once.
 * Returns whether a live session was revoked (false: revoked already).
 */
export async function revokeSessionRow(db: Db, session: { id: string; tokenHash: string }, now = new Date()): Promise<boolean> {
  const { id } = session;
  cache.delete(session.tokenHash);
  const { count } = await db.appSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  return count > 0;
}

/** Signs a user out everywhere: every session of theirs not revoked yet. Returns how many. */
export async function revokeUserSessions(db: Db, userId: string, now = new Date()): Promise<number> {
  const sessions = await db.appSession.findMany({ where: { userId, revokedAt: null }, select: { tokenHash: true } });
  for (const { tokenHash } of sessions) cache.delete(tokenHash);
  const { count } = await db.appSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
