import { deleteRuleRoute, updateRuleRoute } from "@/lib/alerts/rule-api";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

export const PUT = withAccess("PUT /api/alerts/rules/[id]", updateRuleRoute);
export const DELETE = withAccess("DELETE /api/alerts/rules/[id]", deleteRuleRoute);
