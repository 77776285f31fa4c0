import { serve } from "@/lib/api/serve";
import { findingsSummaryEndpoint } from "@/lib/endpoints/findings/summary";

export const dynamic = "force-dynamic";

export const GET = serve(findingsSummaryEndpoint);
