// PUT /api/reports/schedules/{id}: replaces the schedule's settings (the same body as POST);
// DELETE removes it. Both audited with before/after; 404 for an unknown schedule.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { uuidSegment, withSegments } from "@/lib/api/params";
import { currentPrincipal } from "@/lib/auth/context";
import { deleteSchedule, scheduleBody, updateSchedule } from "@/lib/reports/schedules";
import { notFound } from "@/lib/domain/errors";

const segment = { id: uuidSegment("schedule") };

export const putScheduleEndpoint = defineEndpoint({
  route: "PUT /api/reports/schedules/[id]",
  access: "admin",
  params: withSegments(segment, scheduleBody),
  query: async (db, { id, ...input }) => {
    const updated = await updateSchedule(db, currentPrincipal(), id, input);
    if (!updated) throw notFound(`id: no schedule ${id}`);
    return updated;
  },
});

export const deleteScheduleEndpoint = defineEndpoint({
  route: "DELETE /api/reports/schedules/[id]",
  access: "admin",
  params: z.strictObject(segment),
  query: async (db, { id }) => {
    const deleted = await deleteSchedule(db, currentPrincipal(), id);
    if (!deleted) throw notFound(`id: no schedule ${id}`);
    return deleted;
  },
});
