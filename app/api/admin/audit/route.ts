import { serve } from "@/lib/api/serve";
import { auditEndpoint } from "@/lib/endpoints/admin/audit";

export const dynamic = "force-dynamic";

export const GET = serve(auditEndpoint);
