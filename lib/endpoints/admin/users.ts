// GET /api/admin/users: everyone who signed in, with their role and live sessions.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { listUsers } from "@/lib/admin/users";
import { authConfig } from "@/lib/auth/config";

export const usersEndpoint = defineEndpoint({
  route: "GET /api/admin/users",
  access: "admin",
  params: z.strictObject({}),
  query: (db) => listUsers(db, authConfig().SESSION_IDLE_MINUTES),
});
