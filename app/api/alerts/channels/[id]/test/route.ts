import { serve } from "@/lib/api/serve";
import { testChannelEndpoint } from "@/lib/endpoints/alerts/channels/[id]/test";

export const dynamic = "force-dynamic";

export const POST = serve(testChannelEndpoint);
