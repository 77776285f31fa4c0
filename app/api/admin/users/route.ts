import { listUsers } from "@/lib/admin/users";
import { listRoute } from "@/lib/admin/routes";
import { authConfig } from "@/lib/auth/config";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

export const GET = withAccess("GET /api/admin/users", listRoute((db) => listUsers(db, authConfig().SESSION_IDLE_MINUTES)));
