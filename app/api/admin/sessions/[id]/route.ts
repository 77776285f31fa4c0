import { serve } from "@/lib/api/serve";
import { deleteSessionEndpoint } from "@/lib/endpoints/admin/sessions/[id]";

export const dynamic = "force-dynamic";

export const DELETE = serve(deleteSessionEndpoint);
