// GET /api/reports/schedules: the weekly digest and monthly showback schedules. POST creates
// one: 201, audited as report-schedule.create.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { currentPrincipal } from "@/lib/auth/context";
import { createSchedule, listSchedules, scheduleBody } from "@/lib/reports/schedules";

export const getSchedulesEndpoint = defineEndpoint({
  route: "GET /api/reports/schedules",
  access: "admin",
  params: z.strictObject({}),
  query: (db) => listSchedules(db),
});

export const postSchedulesEndpoint = defineEndpoint({
  route: "POST /api/reports/schedules",
  access: "admin",
  params: scheduleBody,
  status: 201,
  query: (db, input) => createSchedule(db, currentPrincipal(), input),
});
