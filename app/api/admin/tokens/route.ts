import { serve } from "@/lib/api/serve";
import { getTokensEndpoint, postTokensEndpoint } from "@/lib/endpoints/admin/tokens";

export const dynamic = "force-dynamic";

export const GET = serve(getTokensEndpoint);
export const POST = serve(postTokensEndpoint);
