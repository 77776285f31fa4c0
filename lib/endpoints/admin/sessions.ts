// GET /api/admin/sessions: live sessions only; revoked, expired and idle-ended ones are left out.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { listSessions } from "@/lib/admin/users";
import { authConfig } from "@/lib/auth/config";

export const sessionsEndpoint = defineEndpoint({
  route: "GET /api/admin/sessions",
  access: "admin",
  params: z.strictObject({}),
  query: (db) => listSessions(db, authConfig().SESSION_IDLE_MINUTES),
});
