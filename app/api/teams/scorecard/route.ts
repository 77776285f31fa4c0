import { serve } from "@/lib/api/serve";
import { teamScorecardEndpoint } from "@/lib/endpoints/teams/scorecard";

export const dynamic = "force-dynamic";

export const GET = serve(teamScorecardEndpoint);
