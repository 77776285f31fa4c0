import { serve } from "@/lib/api/serve";
import { coverageEndpoint } from "@/lib/endpoints/coverage";

export const dynamic = "force-dynamic";

export const GET = serve(coverageEndpoint);
