import { serve } from "@/lib/api/serve";
import { getSettingsEndpoint, putSettingsEndpoint } from "@/lib/endpoints/settings";

export const dynamic = "force-dynamic";
export const GET = serve(getSettingsEndpoint);
export const PUT = serve(putSettingsEndpoint);
