import { serve } from "@/lib/api/serve";
import { resourcesEndpoint } from "@/lib/endpoints/resources/list";

export const dynamic = "force-dynamic";

export const GET = serve(resourcesEndpoint);
