import { serve } from "@/lib/api/serve";
import { putChannelEndpoint, deleteChannelEndpoint } from "@/lib/endpoints/alerts/channels/[id]";

export const dynamic = "force-dynamic";

export const PUT = serve(putChannelEndpoint);
export const DELETE = serve(deleteChannelEndpoint);
