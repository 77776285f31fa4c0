import { createRuleRoute, listRulesRoute } from "@/lib/alerts/rule-api";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

export const GET = withAccess("GET /api/alerts/rules", listRulesRoute);
export const POST = withAccess("POST /api/alerts/rules", createRuleRoute);
