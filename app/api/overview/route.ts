import { serve } from "@/lib/api/serve";
import { overviewEndpoint } from "@/lib/endpoints/overview";

export const dynamic = "force-dynamic";

export const GET = serve(overviewEndpoint);
