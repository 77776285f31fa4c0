import { serve } from "@/lib/api/serve";
import { getRulesEndpoint, postRulesEndpoint } from "@/lib/endpoints/alerts/rules";

export const dynamic = "force-dynamic";

export const GET = serve(getRulesEndpoint);
export const POST = serve(postRulesEndpoint);
