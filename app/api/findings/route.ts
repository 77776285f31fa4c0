import { serve } from "@/lib/api/serve";
import { findingsEndpoint } from "@/lib/endpoints/findings";

export const dynamic = "force-dynamic";

export const GET = serve(findingsEndpoint);
