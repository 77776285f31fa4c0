// PUT /api/admin/role-mappings/{group}: creates or replaces the group's row (200 with the
// effective mapping); DELETE removes it (404 when it has none), so its AUTH_ROLE_MAP entry, if
// any, applies again. Both re-apply the mapping to known users and are audited.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { parseInput, withSegments } from "@/lib/api/params";
import { authConfig } from "@/lib/auth/config";
import { currentPrincipal } from "@/lib/auth/context";
import { deleteRoleMapping, groupName, mappingBody, putRoleMapping } from "@/lib/auth/role-mappings";
import { badRequest, notFound } from "@/lib/domain/errors";

/**
 * The group is the last path segment, decoded once from the request URL itself: a group name may
 * hold "/", "%" or spaces, and the URL says unambiguously what the client encoded (the segment
 * Next.js decoded is accepted and not read).
 */
function groupOf(request: Request | undefined): string {
  const raw = new URL(request!.url).pathname.split("/").at(-1) ?? "";
  let group: string;
  try {
    group = decodeURIComponent(raw);
  } catch {
    throw badRequest("group: is not a valid URL-encoded group name");
  }
  return parseInput(z.object({ group: groupName }), { group }).group;
}

const segment = { group: z.string().optional() };

export const putRoleMappingEndpoint = defineEndpoint({
  route: "PUT /api/admin/role-mappings/[group]",
  access: "admin",
  params: withSegments(segment, mappingBody),
  query: (db, { role, businessUnits }, { request }) => putRoleMapping(db, currentPrincipal(), authConfig().AUTH_ROLE_MAP, groupOf(request), { role, businessUnits }),
});

export const deleteRoleMappingEndpoint = defineEndpoint({
  route: "DELETE /api/admin/role-mappings/[group]",
  access: "admin",
  params: z.strictObject(segment),
  query: async (db, _params, { request }) => {
    const group = groupOf(request);
    const change = await deleteRoleMapping(db, currentPrincipal(), authConfig().AUTH_ROLE_MAP, group);
    if (!change) throw notFound(`group ${group}: has no role mapping row (AUTH_ROLE_MAP entries are changed in the configuration)`);
    return change;
  },
});
