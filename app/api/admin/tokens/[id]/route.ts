import { revokeToken } from "@/lib/admin/tokens";
import { revokeRoute } from "@/lib/admin/routes";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

/** Revokes a token at once (audited as token.revoke); revoking it again changes nothing. */
export const DELETE = withAccess("DELETE /api/admin/tokens/[id]", revokeRoute("token", revokeToken));
