import { serve } from "@/lib/api/serve";
import { sessionsEndpoint } from "@/lib/endpoints/admin/sessions";

export const dynamic = "force-dynamic";

export const GET = serve(sessionsEndpoint);
