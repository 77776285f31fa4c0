import { serve } from "@/lib/api/serve";
import { unitCostEndpoint } from "@/lib/endpoints/costs/unit-cost";

export const dynamic = "force-dynamic";

export const GET = serve(unitCostEndpoint);
