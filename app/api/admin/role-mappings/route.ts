import { serve } from "@/lib/api/serve";
import { roleMappingsEndpoint } from "@/lib/endpoints/admin/role-mappings";

export const dynamic = "force-dynamic";

export const GET = serve(roleMappingsEndpoint);
