import { serve } from "@/lib/api/serve";
import { sendScheduleNowEndpoint } from "@/lib/endpoints/reports/schedules/[id]/send-now";

export const dynamic = "force-dynamic";

export const POST = serve(sendScheduleNowEndpoint);
