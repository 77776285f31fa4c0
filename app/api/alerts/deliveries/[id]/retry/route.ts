import { serve } from "@/lib/api/serve";
import { retryDeliveryEndpoint } from "@/lib/endpoints/alerts/deliveries/[id]/retry";

export const dynamic = "force-dynamic";

export const POST = serve(retryDeliveryEndpoint);
