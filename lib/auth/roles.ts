// IdP groups → role. The mapping comes from AUTH_ROLE_MAP, overridden group by group by the
// role_mapping table (edited by admins). A user in several mapped groups gets the strongest
// role; a viewer sees the union of the business units of every viewer group they are in.
import type { Db } from "@/lib/db/client";
import type { RoleMapEntry } from "./config";
import type { Role } from "./principal";

const STRENGTH: Record<Role, number> = { viewer: 1, finops: 2, admin: 3 };

export type Grant = { role: Role; businessUnits: string[] } | null;

export function grantOfGroups(groups: readonly string[], map: Record<string, RoleMapEntry>): Grant {
  let grant: Grant = null;
  const viewerBus = new Set<string>();
  for (const group of groups) {
    const entry = Object.hasOwn(map, group) ? map[group] : undefined;
    if (!entry) continue;
    if (entry.role === "viewer") for (const bu of entry.businessUnits) viewerBus.add(bu);
    if (!grant || STRENGTH[entry.role] > STRENGTH[grant.role]) grant = { role: entry.role, businessUnits: [] };
  }
  if (grant?.role === "viewer") grant = { role: "viewer", businessUnits: [...viewerBus].sort() };
  return grant;
}

/** The configured mapping with the admins' edits (role_mapping rows) on top. */
export async function roleMap(db: Db, configured: Record<string, RoleMapEntry>): Promise<Record<string, RoleMapEntry>> {
  const rows = await db.roleMapping.findMany();
  const map: Record<string, RoleMapEntry> = { ...configured };
  for (const row of rows) map[row.group] = { role: row.role, businessUnits: row.businessUnits };
  return map;
}

/** The groups claim as an array of names (IdPs send an array, a string, or nothing). */
export function groupsOfClaims(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === "string");
  if (typeof value === "string" && value) return value.split(/[\s,]+/).filter(Boolean);
  return [];
}
