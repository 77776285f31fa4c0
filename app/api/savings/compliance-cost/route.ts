import { serve } from "@/lib/api/serve";
import { complianceCostEndpoint } from "@/lib/endpoints/savings/compliance-cost";

export const dynamic = "force-dynamic";
export const GET = serve(complianceCostEndpoint);
