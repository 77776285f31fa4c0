// The admin's view of API tokens (lib/auth/api-tokens.ts creates, resolves and revokes them):
// the list with who created each, and the validated request to create one.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { ROLES, type Role } from "@/lib/auth/principal";
import { revokeApiToken, type NewToken } from "@/lib/auth/api-tokens";
import type { Principal } from "@/lib/auth/principal";
import { badRequest } from "@/lib/domain/errors";
import { buLabel, buValue } from "@/lib/domain/business-unit";

/** A token lives at most a year (and a day, so "a year from today" fits in a leap year too). */
export const MAX_TOKEN_DAYS = 366;
const DAY_MS = 86_400_000;

export type TokenStatus = "active" | "expired" | "revoked";

export async function listTokens(db: Db, now = new Date()) {
  const tokens = await db.apiToken.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  const creators = await db.appUser.findMany({ where: { id: { in: [...new Set(tokens.map((t) => t.createdBy))] } } });
  const nameOf = new Map(creators.map((u) => [u.id, u.email ?? u.name ?? u.subject]));
  return {
    items: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      role: t.role,
      businessUnits: t.businessUnits.map(buLabel),
      // The creator's current email when they are a user; else the principal id ("anonymous" for AUTH_MODE=none).
      createdBy: nameOf.get(t.createdBy) ?? t.createdBy,
      createdAt: t.createdAt,
      expiresAt: t.expiresAt,
      lastUsedAt: t.lastUsedAt,
      revokedAt: t.revokedAt,
      status: (t.revokedAt ? "revoked" : t.expiresAt <= now ? "expired" : "active") satisfies TokenStatus,
    })),
  };
}

const mustBeDays = `must be a whole number of days from 1 to ${MAX_TOKEN_DAYS}`;

export const newTokenBody = z.strictObject({
  name: z.string({ error: "must be a text of 1 to 100 characters" }).trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
  businessUnits: z
    .array(z.string({ error: "must be business unit names" }).trim().min(1, "must not contain empty names").max(200, "must be names of at most 200 characters"), { error: "must be a list of business unit names" })
    .max(100, "must be at most 100 business units")
    .optional(),
  expiresInDays: z.number({ error: mustBeDays }).int(mustBeDays).min(1, mustBeDays).max(MAX_TOKEN_DAYS, mustBeDays).optional(),
  expiresAt: z.iso.datetime({ offset: true, error: "must be a date-time such as 2027-01-31T00:00:00Z" }).optional(),
});

/**
 * The checks across fields: exactly one expiry, in the future and within MAX_TOKEN_DAYS; business
 * units for viewers only and never none for a viewer (a viewer token scoped to nothing is useless,
 * one scoped to everything would be a finops token).
 */
export function tokenToCreate(body: z.output<typeof newTokenBody>, now = new Date()): NewToken {
  const role: Role = body.role;
  const businessUnits = body.businessUnits ?? [];
  if (role === "viewer" && businessUnits.length === 0) throw badRequest("businessUnits: a viewer token needs at least one business unit");
  if (role !== "viewer" && businessUnits.length > 0) throw badRequest(`businessUnits: only viewer tokens are scoped (a ${role} token sees every business unit)`);
  if ((body.expiresInDays === undefined) === (body.expiresAt === undefined)) throw badRequest("expiresInDays: give either expiresInDays or expiresAt (one of them)");
  const expiresAt = body.expiresAt === undefined ? new Date(now.getTime() + body.expiresInDays! * DAY_MS) : new Date(body.expiresAt);
  if (expiresAt <= now) throw badRequest("expiresAt: must be in the future");
  if (expiresAt.getTime() > now.getTime() + MAX_TOKEN_DAYS * DAY_MS) throw badRequest(`expiresAt: must be at most ${MAX_TOKEN_DAYS} days from now`);
  return { name: body.name, role, businessUnits: [...new Set(businessUnits.map(buValue))].sort(), expiresAt };
}

/** Revokes a token (null: no such token); `revoked` is false when it was revoked already. */
export async function revokeToken(db: Db, by: Principal, id: string) {
  const revoked = await revokeApiToken(db, by, id);
  const token = await db.apiToken.findUnique({ where: { id }, select: { revokedAt: true } });
  return token ? { id, revoked, revokedAt: token.revokedAt } : null;
}
