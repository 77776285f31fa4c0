import { listSessions } from "@/lib/admin/users";
import { listRoute } from "@/lib/admin/routes";
import { authConfig } from "@/lib/auth/config";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

/** Live sessions only: revoked, expired and idle-ended ones are left out. */
export const GET = withAccess("GET /api/admin/sessions", listRoute((db) => listSessions(db, authConfig().SESSION_IDLE_MINUTES)));
