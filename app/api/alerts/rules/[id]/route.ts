import { serve } from "@/lib/api/serve";
import { putRuleEndpoint, deleteRuleEndpoint } from "@/lib/endpoints/alerts/rules/[id]";

export const dynamic = "force-dynamic";

export const PUT = serve(putRuleEndpoint);
export const DELETE = serve(deleteRuleEndpoint);
