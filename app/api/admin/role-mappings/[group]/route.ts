import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { badRequest, notFound } from "@/lib/domain/errors";
import { parseInput, parseQuery, readJsonBody } from "@/lib/api/params";
import { authConfig } from "@/lib/auth/config";
import { currentPrincipal } from "@/lib/auth/context";
import { deleteRoleMapping, groupName, mappingBody, putRoleMapping } from "@/lib/auth/role-mappings";
import { withAccess } from "@/lib/auth/with-access";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/**
 * The group is the last path segment, decoded once from the request URL itself: a group name may
 * hold "/", "%" or spaces, and the URL says unambiguously what the client encoded.
 */
function groupOf(request: Request): string {
  const raw = new URL(request.url).pathname.split("/").at(-1) ?? "";
  let group: string;
  try {
    group = decodeURIComponent(raw);
  } catch {
    throw badRequest("group: is not a valid URL-encoded group name");
  }
  return parseInput(z.object({ group: groupName }), { group }).group;
}

/** Body { role, businessUnits }: creates or replaces the group's row; 200 with the effective mapping. */
function put(request: Request): Promise<Response> {
  return handle(async () => {
    parseQuery(request, z.strictObject({}));
    const group = groupOf(request);
    const entry = parseInput(mappingBody, await readJsonBody(request, "a JSON object { role, businessUnits }"));
    return putRoleMapping(db(), currentPrincipal(), authConfig().AUTH_ROLE_MAP, group, entry);
  });
}

/** Removes the group's row (404 when it has none): its AUTH_ROLE_MAP entry, if any, applies again. */
function del(request: Request): Promise<Response> {
  return handle(async () => {
    parseQuery(request, z.strictObject({}));
    const group = groupOf(request);
    const change = await deleteRoleMapping(db(), currentPrincipal(), authConfig().AUTH_ROLE_MAP, group);
    if (!change) throw notFound(`group ${group}: has no role mapping row (AUTH_ROLE_MAP entries are changed in the configuration)`);
    return change;
  });
}

export const PUT = withAccess("PUT /api/admin/role-mappings/[group]", put);
export const DELETE = withAccess("DELETE /api/admin/role-mappings/[group]", del);
