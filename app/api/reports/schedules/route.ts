import { serve } from "@/lib/api/serve";
import { getSchedulesEndpoint, postSchedulesEndpoint } from "@/lib/endpoints/reports/schedules";

export const dynamic = "force-dynamic";

export const GET = serve(getSchedulesEndpoint);
export const POST = serve(postSchedulesEndpoint);
