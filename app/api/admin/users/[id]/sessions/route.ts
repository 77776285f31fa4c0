import { serve } from "@/lib/api/serve";
import { deleteUserSessionsEndpoint } from "@/lib/endpoints/admin/users/[id]/sessions";

export const dynamic = "force-dynamic";

export const DELETE = serve(deleteUserSessionsEndpoint);
