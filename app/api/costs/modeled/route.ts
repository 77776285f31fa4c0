import { serve } from "@/lib/api/serve";
import { modeledCostEndpoint } from "@/lib/endpoints/costs/modeled";

export const dynamic = "force-dynamic";
export const GET = serve(modeledCostEndpoint);
