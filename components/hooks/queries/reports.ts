"use client";

// The Alerts page's report schedules (docs/api.md "Reports"), typed by their endpoint modules
// and keyed by their paths.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { getSchedulesEndpoint, postSchedulesEndpoint } from "@/lib/endpoints/reports/schedules";
import type { deleteScheduleEndpoint, putScheduleEndpoint } from "@/lib/endpoints/reports/schedules/[id]";
import type { sendScheduleNowEndpoint } from "@/lib/endpoints/reports/schedules/[id]/send-now";
import { sendEndpoint, useEndpoint, type BodyOf } from "./use-endpoint";

const SCHEDULES = "/api/reports/schedules";
const SCHEDULE = "/api/reports/schedules/[id]";

export type ReportSchedule = ResponseOf<typeof getSchedulesEndpoint>["items"][number];
export type ScheduleInput = BodyOf<typeof postSchedulesEndpoint>;

export const useReportSchedulesQuery = () => useEndpoint<typeof getSchedulesEndpoint>(SCHEDULES);

function useSchedulesMutation<V, R>(send: (vars: V) => Promise<R>, refresh: readonly string[] = [SCHEDULES]) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSettled: () => Promise.all(refresh.map((path) => client.invalidateQueries({ queryKey: [path] }))) });
}

export const useSaveScheduleMutation = () =>
  useSchedulesMutation(({ id, ...body }: { id?: string } & ScheduleInput) =>
    id ? sendEndpoint<typeof putScheduleEndpoint>("PUT", SCHEDULE, body, { id }) : sendEndpoint<typeof postSchedulesEndpoint>("POST", SCHEDULES, body),
  );
export const useDeleteScheduleMutation = () => useSchedulesMutation((id: string) => sendEndpoint<typeof deleteScheduleEndpoint>("DELETE", SCHEDULE, {}, { id }));
/** The worker composes and queues it; the history section shows the delivery. */
export const useSendScheduleNowMutation = () =>
  useSchedulesMutation((id: string) => sendEndpoint<typeof sendScheduleNowEndpoint>("POST", "/api/reports/schedules/[id]/send-now", {}, { id }), [SCHEDULES, "/api/alerts/deliveries"]);
