import { serve } from "@/lib/api/serve";
import { deliveriesEndpoint } from "@/lib/endpoints/alerts/deliveries";

export const dynamic = "force-dynamic";

export const GET = serve(deliveriesEndpoint);
