"use client";

// The Alerts page's report schedules (docs/api.md "Reports"): keyed ["reports:schedules"].
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ScheduleView } from "@/lib/reports/schedules";
import { apiSend } from "./api-client";
import { useApiQuery } from "./use-api-query";

type Wire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export type ReportSchedule = Wire<ScheduleView>;
export type ScheduleInput = Pick<ReportSchedule, "kind" | "name" | "channelId" | "recipients" | "businessUnits" | "enabled">;

export const useReportSchedulesQuery = () => useApiQuery<{ items: ReportSchedule[] }>("reports:schedules", "/api/reports/schedules");

function useSchedulesMutation<V, R>(send: (vars: V) => Promise<R>, refresh: readonly string[] = ["reports:schedules"]) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSettled: () => Promise.all(refresh.map((name) => client.invalidateQueries({ queryKey: [name] }))) });
}

export const useSaveScheduleMutation = () =>
  useSchedulesMutation(({ id, ...body }: { id?: string } & ScheduleInput) => apiSend<ReportSchedule>(id ? "PUT" : "POST", id ? `/api/reports/schedules/${id}` : "/api/reports/schedules", body));
export const useDeleteScheduleMutation = () => useSchedulesMutation((id: string) => apiSend<unknown>("DELETE", `/api/reports/schedules/${id}`, {}));
/** The worker composes and queues it; the history section shows the delivery. */
export const useSendScheduleNowMutation = () =>
  useSchedulesMutation((id: string) => apiSend<{ jobId: string | null; month?: string }>("POST", `/api/reports/schedules/${id}/send-now`, {}), ["reports:schedules", "alerts:deliveries"]);
