import { serve } from "@/lib/api/serve";
import { keyEndpoint } from "@/lib/endpoints/keys/[arn]";

export const dynamic = "force-dynamic";

export const GET = serve(keyEndpoint);
