import { serve } from "@/lib/api/serve";
import { chargebackEndpoint } from "@/lib/endpoints/costs/chargeback";

export const dynamic = "force-dynamic";
export const GET = serve(chargebackEndpoint);
