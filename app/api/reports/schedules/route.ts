import { handle, jsonResponse } from "@/lib/api/errors";
import { parseInput, readJsonBody } from "@/lib/api/params";
import { listRoute } from "@/lib/admin/routes";
import { currentPrincipal } from "@/lib/auth/context";
import { withAccess } from "@/lib/auth/with-access";
import { db } from "@/lib/db/client";
import { createSchedule, listSchedules, scheduleBody } from "@/lib/reports/schedules";

export const dynamic = "force-dynamic";

/** 201 with the schedule; audited as report-schedule.create. */
function post(request: Request): Promise<Response> {
  return handle(async () => jsonResponse(await createSchedule(db(), currentPrincipal(), parseInput(scheduleBody, await readJsonBody(request))), 201));
}

export const GET = withAccess("GET /api/reports/schedules", listRoute(listSchedules));
export const POST = withAccess("POST /api/reports/schedules", post);
