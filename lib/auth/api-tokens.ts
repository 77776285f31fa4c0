// API tokens for automation: created by an admin with a role, a business-unit scope and an
// expiry; the secret is returned once and only its sha256 is kept.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { audit } from "./audit";
import type { Principal, Role } from "./principal";
import { newSecret, sha256Hex, TOKEN_PREFIX } from "./tokens";

/** last_used_at is written at most this often per token, so a busy script costs no write per call. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export type NewToken = { name: string; role: Role; businessUnits: string[]; expiresAt: Date };

export async function createApiToken(db: Db, by: Principal, input: NewToken): Promise<{ id: string; secret: string }> {
  const id = randomUUID();
  const secret = newSecret(TOKEN_PREFIX);
  const businessUnits = input.role === "viewer" ? input.businessUnits : [];
  await db.apiToken.create({ data: { id, name: input.name, tokenHash: sha256Hex(secret), role: input.role, businessUnits, createdBy: by.id, expiresAt: input.expiresAt } });
  await audit(db, by, "token.create", { target: id, after: { name: input.name, role: input.role, businessUnits, expiresAt: input.expiresAt.toISOString() } });
  return { id, secret };
}

/** Revokes a live token (false: unknown or revoked already); the audit row keeps what it was. */
export async function revokeApiToken(db: Db, by: Principal, id: string): Promise<boolean> {
  const revokedAt = new Date();
  const { count } = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
  for (const [hash, entry] of cache) if (entry.principal.id === id) cache.delete(hash);
  if (count === 0) return false;
  const token = await db.apiToken.findUniqueOrThrow({ where: { id } });
  const before = { name: token.name, role: token.role, businessUnits: token.businessUnits, expiresAt: token.expiresAt.toISOString(), revokedAt: null };
  await audit(db, by, "token.revoke", { target: id, before, after: { ...before, revokedAt: revokedAt.toISOString() } });
  return true;
}

/**
 * A resolved token is reused for CACHE_MS, like a session (sessions.ts): a finance script pulling
 * pages of CSV pays one lookup, not one per request. A revocation in this process takes effect at
 * once; one made by another process after at most 5 s. Expiry is checked on every use.
 */
const CACHE_MS = 5_000;
const cache = new Map<string, { principal: Principal; expiresAt: number; until: number }>();

/** The principal of a bearer secret, or null when unknown, expired or revoked. */
export async function principalOfToken(db: Db, secret: string, now = new Date()): Promise<Principal | null> {
  const hash = sha256Hex(secret);
  const hit = cache.get(hash);
  if (hit && hit.until > now.getTime() && hit.expiresAt > now.getTime()) return hit.principal;
  const principal = await lookUpToken(db, hash, now);
  if (cache.size > 10_000) cache.clear();
  if (principal) cache.set(hash, { ...principal, until: now.getTime() + CACHE_MS });
  else cache.delete(hash);
  return principal?.principal ?? null;
}

async function lookUpToken(db: Db, hash: string, now: Date): Promise<{ principal: Principal; expiresAt: number } | null> {
  const token = await db.apiToken.findUnique({ where: { tokenHash: hash } });
  if (!token || token.revokedAt || token.expiresAt <= now) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  const principal: Principal = { kind: "token", id: token.id, name: token.name, role: token.role, businessUnits: token.role === "viewer" ? token.businessUnits : null };
  return { principal, expiresAt: token.expiresAt.getTime() };
}
