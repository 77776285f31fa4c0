import { serve } from "@/lib/api/serve";
import { getViewsEndpoint, postViewsEndpoint } from "@/lib/endpoints/views";

export const dynamic = "force-dynamic";

export const GET = serve(getViewsEndpoint);
export const POST = serve(postViewsEndpoint);
