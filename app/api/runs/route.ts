import { serve } from "@/lib/api/serve";
import { getRunsEndpoint, postRunsEndpoint } from "@/lib/endpoints/runs";

export const dynamic = "force-dynamic";

export const GET = serve(getRunsEndpoint);
export const POST = serve(postRunsEndpoint);
