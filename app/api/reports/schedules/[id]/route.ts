import { z } from "zod";
import { handle } from "@/lib/api/errors";
import { notFound } from "@/lib/domain/errors";
import { parseInput, parseQuery, readJsonBody } from "@/lib/api/params";
import { revokeRoute } from "@/lib/admin/routes";
import { currentPrincipal } from "@/lib/auth/context";
import { withAccess } from "@/lib/auth/with-access";
import { db } from "@/lib/db/client";
import { deleteSchedule, scheduleBody, updateSchedule } from "@/lib/reports/schedules";

export const dynamic = "force-dynamic";

const schedulePath = z.object({ id: z.uuid("must be a schedule id (UUID)") });

/** Replaces the schedule's settings (the same body as POST); audited with before/after. */
function put(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => {
    parseQuery(request, z.strictObject({}));
    const { id } = parseInput(schedulePath, await context.params);
    const updated = await updateSchedule(db(), currentPrincipal(), id, parseInput(scheduleBody, await readJsonBody(request)));
    if (!updated) throw notFound(`id: no schedule ${id}`);
    return updated;
  });
}

export const PUT = withAccess("PUT /api/reports/schedules/[id]", put);
export const DELETE = withAccess("DELETE /api/reports/schedules/[id]", revokeRoute("schedule", deleteSchedule));
