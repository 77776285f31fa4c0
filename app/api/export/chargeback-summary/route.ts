import { serve } from "@/lib/api/serve";
import { chargebackSummaryEndpoint } from "@/lib/endpoints/export/chargeback-summary";

export const dynamic = "force-dynamic";

export const GET = serve(chargebackSummaryEndpoint);
