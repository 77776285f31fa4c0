import { serve } from "@/lib/api/serve";
import { noncompliantEndpoint } from "@/lib/endpoints/noncompliant";

export const dynamic = "force-dynamic";

export const GET = serve(noncompliantEndpoint);
