import { serve } from "@/lib/api/serve";
import { deleteTokenEndpoint } from "@/lib/endpoints/admin/tokens/[id]";

export const dynamic = "force-dynamic";

export const DELETE = serve(deleteTokenEndpoint);
