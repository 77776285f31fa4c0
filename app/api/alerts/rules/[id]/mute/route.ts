import { serve } from "@/lib/api/serve";
import { muteRuleEndpoint } from "@/lib/endpoints/alerts/rules/[id]/mute";

export const dynamic = "force-dynamic";

export const POST = serve(muteRuleEndpoint);
