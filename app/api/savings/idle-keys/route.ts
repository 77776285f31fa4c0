import { serve } from "@/lib/api/serve";
import { idleKeySavingsEndpoint } from "@/lib/endpoints/savings/idle-keys";

export const dynamic = "force-dynamic";
export const GET = serve(idleKeySavingsEndpoint);
