import { serve } from "@/lib/api/serve";
import { putScheduleEndpoint, deleteScheduleEndpoint } from "@/lib/endpoints/reports/schedules/[id]";

export const dynamic = "force-dynamic";

export const PUT = serve(putScheduleEndpoint);
export const DELETE = serve(deleteScheduleEndpoint);
