import { serve } from "@/lib/api/serve";
import { costReconciliationEndpoint } from "@/lib/endpoints/costs/reconciliation";

export const dynamic = "force-dynamic";
export const GET = serve(costReconciliationEndpoint);
