import { serve } from "@/lib/api/serve";
import { filtersEndpoint } from "@/lib/endpoints/filters";

export const dynamic = "force-dynamic";

export const GET = serve(filtersEndpoint);
