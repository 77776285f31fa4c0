import { serve } from "@/lib/api/serve";
import { putRoleMappingEndpoint, deleteRoleMappingEndpoint } from "@/lib/endpoints/admin/role-mappings/[group]";

export const dynamic = "force-dynamic";

export const PUT = serve(putRoleMappingEndpoint);
export const DELETE = serve(deleteRoleMappingEndpoint);
