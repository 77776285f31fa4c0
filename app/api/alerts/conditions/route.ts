import { serve } from "@/lib/api/serve";
import { conditionsEndpoint } from "@/lib/endpoints/alerts/conditions";

export const dynamic = "force-dynamic";

export const GET = serve(conditionsEndpoint);
