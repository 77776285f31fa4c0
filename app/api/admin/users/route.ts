import { serve } from "@/lib/api/serve";
import { usersEndpoint } from "@/lib/endpoints/admin/users";

export const dynamic = "force-dynamic";

export const GET = serve(usersEndpoint);
