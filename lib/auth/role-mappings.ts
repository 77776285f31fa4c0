// Role mappings as admins edit them (/admin/role-mappings): the effective group → role table
// (AUTH_ROLE_MAP with the role_mapping rows on top, lib/auth/roles.ts), and the row upsert and
// delete. A change is re-applied at once to every known user from the groups of their last
// sign-in, so a demoted or removed group takes effect on the next request (sessions are cached
// for at most 5 s, sessions.ts), not at the next sign-in days later.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { audit, type AuditActor } from "./audit";
import type { RoleMapEntry } from "./config";
import { ROLES, type Role } from "./principal";
import { grantOfGroups, roleMap } from "./roles";
import { UNTAGGED, buLabel } from "@/lib/domain/business-unit";

export type MappingSource = "config" | "database";

export type EffectiveMapping = {
  group: string;
  role: Role;
  /** API labels: "(untagged)" for the untagged business unit. */
  businessUnits: string[];
  source: MappingSource;
  /** A database row replaces an AUTH_ROLE_MAP entry for the same group (shown here). */
  config: { role: Role; businessUnits: string[] } | null;
  updatedAt: string | null;
};

/** Longest group name accepted: IdP group names and Entra object ids are far shorter. */
export const MAX_GROUP_LENGTH = 256;
const CONTROL = /\p{Cc}/u;

/** A group name as the IdP sends it: no control characters, no surrounding spaces. */
export const groupName = z
  .string()
  .min(1, "must not be empty")
  .max(MAX_GROUP_LENGTH, `must be at most ${MAX_GROUP_LENGTH} characters`)
  .refine((g) => !CONTROL.test(g), "must not contain control characters")
  .refine((g) => g.trim() === g, "must not start or end with spaces");

const businessUnit = z
  .string()
  .min(1, "must not contain empty names (the untagged business unit is (untagged))")
  .max(256, "must hold names of at most 256 characters")
  .refine((bu) => !CONTROL.test(bu), "must not contain control characters");

/** PUT body: viewers need business units, the other roles see everything and take none. */
export const mappingBody = z
  .strictObject({
    role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
    businessUnits: z.array(businessUnit, { error: "must be a list of business unit names" }).max(100, "must hold at most 100 business units").optional(),
  })
  .superRefine((body, ctx) => {
    const count = body.businessUnits?.length ?? 0;
    if (body.role === "viewer" && count === 0) ctx.addIssue({ code: "custom", path: ["businessUnits"], message: "must name at least one business unit for a viewer" });
    if (body.role !== "viewer" && count > 0) ctx.addIssue({ code: "custom", path: ["businessUnits"], message: `must be empty for ${body.role} (only viewers are limited to business units)` });
  })
  .transform((body): RoleMapEntry => ({ role: body.role, businessUnits: [...new Set((body.businessUnits ?? []).map((bu) => (bu === UNTAGGED ? "" : bu)))].sort() }));

const labels = (entry: RoleMapEntry) => ({ role: entry.role, businessUnits: entry.businessUnits.map(buLabel) });

/** Every mapped group, sorted by name: its role, where it comes from and what it overrides. */
export async function effectiveMappings(db: Db, configured: Record<string, RoleMapEntry>): Promise<EffectiveMapping[]> {
  const rows = new Map((await db.roleMapping.findMany()).map((row) => [row.group, row]));
  const groups = [...new Set([...Object.keys(configured), ...rows.keys()])].sort();
  return groups.map((group) => {
    const row = rows.get(group);
    const config = Object.hasOwn(configured, group) ? labels(configured[group]!) : null;
    if (!row) return { group, ...config!, source: "config", config, updatedAt: null };
    return { group, ...labels(row), source: "database", config, updatedAt: row.updatedAt.toISOString() };
  });
}

/** What the audit log keeps of a mapping: the row, the config entry that applies without one, or "none". */
function snapshot(entry: EffectiveMapping | undefined) {
  return entry ? { role: entry.role, businessUnits: entry.businessUnits, source: entry.source } : { role: null, businessUnits: [], source: "none" };
}

async function mappingOf(db: Db, configured: Record<string, RoleMapEntry>, group: string): Promise<EffectiveMapping | undefined> {
  return (await effectiveMappings(db, configured)).find((m) => m.group === group);
}

/**
 * Gives every known user the grant of their stored groups under the current mapping. Returns
 * how many users changed; a user left without a mapped group loses access (role null ends
 * their sessions, sessions.ts).
 */
export async function reapplyRoleMap(db: Db, configured: Record<string, RoleMapEntry>): Promise<number> {
  const map = await roleMap(db, configured);
  let changed = 0;
  for (const user of await db.appUser.findMany({ select: { id: true, groups: true, role: true, businessUnits: true } })) {
    const grant = grantOfGroups(user.groups, map);
    const role = grant?.role ?? null;
    const businessUnits = grant?.businessUnits ?? [];
    if (role === user.role && JSON.stringify(businessUnits) === JSON.stringify([...user.businessUnits].sort())) continue;
    await db.appUser.update({ where: { id: user.id }, data: { role, businessUnits } });
    changed += 1;
  }
  return changed;
}

export type MappingChange = { mapping: EffectiveMapping | null; usersUpdated: number };

/** Creates or replaces the row of a group (audited with before/after) and re-applies the mapping. */
export async function putRoleMapping(db: Db, by: AuditActor, configured: Record<string, RoleMapEntry>, group: string, entry: RoleMapEntry): Promise<MappingChange> {
  const before = await mappingOf(db, configured, group);
  await db.roleMapping.upsert({ where: { group }, create: { group, ...entry }, update: entry });
  return finishChange(db, by, configured, group, before);
}

/** Removes the row of a group (the AUTH_ROLE_MAP entry, if any, applies again); null when there was none. */
export async function deleteRoleMapping(db: Db, by: AuditActor, configured: Record<string, RoleMapEntry>, group: string): Promise<MappingChange | null> {
  const before = await mappingOf(db, configured, group);
  const { count } = await db.roleMapping.deleteMany({ where: { group } });
  if (count === 0) return null;
  return finishChange(db, by, configured, group, before);
}

async function finishChange(db: Db, by: AuditActor, configured: Record<string, RoleMapEntry>, group: string, before: EffectiveMapping | undefined): Promise<MappingChange> {
  const after = await mappingOf(db, configured, group);
  const usersUpdated = await reapplyRoleMap(db, configured);
  await audit(db, by, "role-mapping.update", { target: group, before: snapshot(before), after: { ...snapshot(after), usersUpdated } });
  return { mapping: after ?? null, usersUpdated };
}
