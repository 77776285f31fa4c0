import { serve } from "@/lib/api/serve";
import { runDetailEndpoint } from "@/lib/endpoints/runs/[id]";

export const dynamic = "force-dynamic";

export const GET = serve(runDetailEndpoint);
