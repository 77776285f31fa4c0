import { serve } from "@/lib/api/serve";
import { mttpEndpoint } from "@/lib/endpoints/mttp";

export const dynamic = "force-dynamic";

export const GET = serve(mttpEndpoint);
