// GET /api/admin/role-mappings: the effective group → role table, AUTH_ROLE_MAP entries with
// the admins' rows on top (lib/auth/role-mappings.ts).
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { authConfig } from "@/lib/auth/config";
import { effectiveMappings } from "@/lib/auth/role-mappings";

export const roleMappingsEndpoint = defineEndpoint({
  route: "GET /api/admin/role-mappings",
  access: "admin",
  params: z.strictObject({}),
  query: async (db) => ({ items: await effectiveMappings(db, authConfig().AUTH_ROLE_MAP) }),
});
