import { serve } from "@/lib/api/serve";
import { keysEndpoint } from "@/lib/endpoints/keys";

export const dynamic = "force-dynamic";

export const GET = serve(keysEndpoint);
