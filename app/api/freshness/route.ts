import { serve } from "@/lib/api/serve";
import { freshnessEndpoint } from "@/lib/endpoints/freshness";

export const dynamic = "force-dynamic";

export const GET = serve(freshnessEndpoint);
