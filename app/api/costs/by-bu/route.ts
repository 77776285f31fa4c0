import { serve } from "@/lib/api/serve";
import { costsByBuEndpoint } from "@/lib/endpoints/costs/by-bu";

export const dynamic = "force-dynamic";
export const GET = serve(costsByBuEndpoint);
