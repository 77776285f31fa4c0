import { serve } from "@/lib/api/serve";
import { getChannelsEndpoint, postChannelsEndpoint } from "@/lib/endpoints/alerts/channels";

export const dynamic = "force-dynamic";

export const GET = serve(getChannelsEndpoint);
export const POST = serve(postChannelsEndpoint);
