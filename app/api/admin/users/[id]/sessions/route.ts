import { revokeSessionsOfUser } from "@/lib/admin/users";
import { revokeRoute } from "@/lib/admin/routes";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

/** Signs the user out everywhere (audited as user.sign-out); their next sign-in works as usual. */
export const DELETE = withAccess("DELETE /api/admin/users/[id]/sessions", revokeRoute("user", revokeSessionsOfUser));
