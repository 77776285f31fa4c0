import { serve } from "@/lib/api/serve";
import { noncompliantResourcesEndpoint } from "@/lib/endpoints/resources/noncompliant";

export const dynamic = "force-dynamic";

export const GET = serve(noncompliantResourcesEndpoint);
