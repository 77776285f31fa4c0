import { serve } from "@/lib/api/serve";
import { deleteViewEndpoint } from "@/lib/endpoints/views/[id]";

export const dynamic = "force-dynamic";

export const DELETE = serve(deleteViewEndpoint);
