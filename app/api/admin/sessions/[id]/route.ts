import { revokeSessionAsAdmin } from "@/lib/admin/users";
import { revokeRoute } from "@/lib/admin/routes";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

/** Ends one session at once (audited as session.revoke); an ended one stays ended. */
export const DELETE = withAccess("DELETE /api/admin/sessions/[id]", revokeRoute("session", revokeSessionAsAdmin));
