import { muteRuleRoute } from "@/lib/alerts/rule-api";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

export const POST = withAccess("POST /api/alerts/rules/[id]/mute", muteRuleRoute);
